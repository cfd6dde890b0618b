package fr.aam.text;

import fr.aam.Iris;
import fr.aam.store.GenerationExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The French full-text index, built and served with each generation of the store. */
@Configuration
public class TextConfig {

    @Bean
    @Order(2)
    public GenerationExtension searchIndex(Iris iris) { return new SearchIndex(iris); }
}
