package fr.aam.store;

import fr.aam.AamProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the store (building a new generation when ontology/ or data/ changed) before anything is served: the HTTP
 * port opens only once a complete generation is ready.
 */
@Configuration
@org.springframework.context.annotation.Conditional(fr.aam.remote.RemoteEngineConfigured.Absent.class)   // not in remote mode
public class StoreConfig {

    @Bean
    public StoreLayout storeLayout(AamProperties props) {
        return new StoreLayout(props.storeDir());
    }

    @Bean
    public GenerationBuilder generationBuilder(StoreLayout layout, AamProperties props,
                                               ObjectProvider<GenerationExtension> extensions,
                                               ObjectProvider<DatasetSetup> setups) {
        return new GenerationBuilder(layout, props.baseIri(), extensions.orderedStream().toList(), setups.orderedStream().toList());
    }

    @Bean
    public StoreMaintenance storeMaintenance(StoreLayout layout, GenerationBuilder builder, AamProperties props,
                                             StoreSettings settings) {
        return new StoreMaintenance(layout, () -> SourceFiles.scan(props.graphBase(), props.homeDir(),
            settings.contextFiles(), props.ontologyDir(), props.dataDir()), builder, props.graphBase(), settings.keepBackups());
    }

    @Bean(destroyMethod = "close")
    public ServedStore servedStore(StoreMaintenance maintenance) {
        return maintenance.start();
    }

}
