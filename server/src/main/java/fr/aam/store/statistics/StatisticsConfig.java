package fr.aam.store.statistics;

import fr.aam.Iris;
import fr.aam.store.GenerationExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The VoID statistics, built with each generation of the store (into its metadata graph, which the text index skips). */
@Configuration
public class StatisticsConfig {

    @Bean
    @Order(1)
    public GenerationExtension datasetStatistics(Iris iris) { return new DatasetStatistics(iris); }
}
