package fr.aam.sparql;

import fr.aam.AamProperties;
import fr.aam.store.TdbStore;
import jakarta.servlet.ServletContext;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.servlets.FusekiFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Serves the SPARQL 1.1 Protocol with Fuseki's own dispatcher on Spring's port: the dataset is registered as
 * {@code /sparql} with only read operations — query, and Graph Store Protocol read — so no update is reachable.
 */
@Configuration
public class FusekiEndpoint {

    public static final String DATASET_NAME = "/sparql";
    private static final Logger log = LoggerFactory.getLogger(FusekiEndpoint.class);

    @Bean
    public SparqlRunner sparqlRunner(TdbStore store, AamProperties props) {
        return new LocalSparqlRunner(store.dataset(), props.queryTimeout());
    }

    @Bean
    public ServletContextInitializer fusekiRegistries(TdbStore store) {
        return (ServletContext ctx) -> {
            OperationRegistry operations = OperationRegistry.createStd();
            DataService service = DataService.newBuilder(store.dataset())
                .addEndpoint(readOnly(Operation.Query, operations))   // /sparql?query=…, POST form or sparql-query
                .addEndpoint(readOnly(Operation.GSP_R, operations))   // /sparql?graph=… and ?default
                .build();
            DataAccessPointRegistry registry = new DataAccessPointRegistry();
            registry.register(new DataAccessPoint(DATASET_NAME, service));
            DataAccessPointRegistry.set(ctx, registry);
            OperationRegistry.set(ctx, operations);
            service.goActive();
        };
    }

    /** An endpoint on the dataset URL itself, with Fuseki's standard handler for the operation. */
    private static Endpoint readOnly(Operation op, OperationRegistry operations) {
        return Endpoint.create().operation(op).endpointName("").processor(operations.findHandler(op)).build();
    }

    @Bean
    public FilterRegistrationBean<FusekiFilter> fusekiFilter() {
        FilterRegistrationBean<FusekiFilter> reg = new FilterRegistrationBean<>(new FusekiFilter());
        reg.addUrlPatterns(DATASET_NAME, DATASET_NAME + "/*");
        reg.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return reg;
    }

    @Bean
    public org.springframework.boot.ApplicationRunner announceEndpoint(org.springframework.core.env.Environment env) {
        return args -> log.info("SPARQL endpoint: http://localhost:{}{} — web page: http://localhost:{}/",
            env.getProperty("local.server.port", env.getProperty("server.port", "8080")), DATASET_NAME,
            env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }
}
