package fr.aam;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: loads ontology/ and data/ into TDB2, then serves /sparql, /api/queries and the web page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AamApplication {
    public static void main(String[] args) {
        SpringApplication.run(AamApplication.class, args);
    }

    /** The dataset's IRIs (resources, ontology, named graphs), derived from aam.base-iri. */
    @Bean
    public Iris iris(AamProperties props) { return props.iris(); }
}
