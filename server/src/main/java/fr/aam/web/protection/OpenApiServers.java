package fr.aam.web.protection;

import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description names its server by a relative URL: springdoc would otherwise copy the request's Host
 * header into it, and anyone could make the description point clients elsewhere.
 */
@Configuration
public class OpenApiServers {

    @Bean
    public OpenApiCustomizer relativeServer() {
        return openApi -> openApi.setServers(List.of(new Server().url("/").description("this server")));
    }
}
