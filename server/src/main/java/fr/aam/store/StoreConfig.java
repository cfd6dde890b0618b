package fr.aam.store;

import fr.aam.AamProperties;
import java.io.IOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the TDB2 store and loads the files into it before anything is served. */
@Configuration
public class StoreConfig {

    @Bean
    public TdbStore tdbStore(AamProperties props) throws IOException {
        Files.createDirectories(props.storeDir());
        return new TdbStore(props.storeDir(), props.graphBase(), props.queryTimeout().toMillis());
    }

    /** Runs the load while the context starts, so the HTTP port opens only once the store is ready. */
    @Bean
    public LoadStatus loadStatus(TdbStore store, AamProperties props) {
        SourceFiles sources = SourceFiles.scan(props.graphBase(), props.ontologyDir(), props.dataDir());
        StoreLoader loader = new StoreLoader(store, sources, new GraphParser(props.homeDir()),
            StoreLoader.validatorFor(props.graphBase()));
        return loader.loadIfChanged();
    }
}
