package fr.aam.remote;

import fr.aam.AamProperties;
import fr.aam.sparql.FederationSettings;
import fr.aam.sparql.QueryLimits;
import fr.aam.sparql.SparqlRunner;
import fr.aam.sparql.guard.QueryGuard;
import fr.aam.store.GenerationBuilder;
import fr.aam.store.LoadReport;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreLayout;
import fr.aam.store.StoreMaintenance;
import fr.aam.store.StoreSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.apache.jena.http.auth.AuthEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Remote mode ({@code aam.remote.query-endpoint} set): every query of the application goes to a remote SPARQL 1.1
 * engine through {@link RemoteSparqlRunner}, the files are loaded into it through the Graph Store Protocol by the
 * embedded store's own loader and validation ({@link RemoteLoader}), and {@code /sparql} proxies to it
 * ({@link SparqlProxy}).
 * The embedded store's beans are not created ({@link RemoteEngineConfigured.Absent}).
 */
@Configuration
@Conditional(RemoteEngineConfigured.class)
public class RemoteEngineConfig {

    private static final Logger log = LoggerFactory.getLogger(RemoteEngineConfig.class);

    /** One client for queries, loads and the proxy; credentials, when set, are answered to the engine's challenge. */
    @Bean
    public HttpClient remoteHttpClient(RemoteProperties remote) {
        if (remote.hasCredentials()) {
            for (String url : new String[] {remote.queryEndpoint(), remote.graphStore()}) {
                if (url != null && !url.isBlank()) AuthEnv.get().registerUsernamePassword(URI.create(url), remote.username(), remote.password());
            }
        }
        return HttpClient.newBuilder().connectTimeout(remote.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Runs the load while the context starts (before {@link #sparqlRunner}, which everything that queries needs), so
     * the HTTP port opens only once the engine holds the files. The staging store is the embedded store's loader on
     * {@code aam.store}, without its extensions.
     */
    @Bean
    public LoadReport remoteLoad(RemoteProperties remote, HttpClient remoteHttpClient, AamProperties props, StoreSettings settings) {
        LoadRecord record = new LoadRecord(props.iris());
        if (!remote.canLoad()) return new RemoteLoader(null, runner(remote, remoteHttpClient, props), null, record).loadIfChanged();
        StoreLayout layout = new StoreLayout(props.storeDir());
        StoreMaintenance staging = new StoreMaintenance(layout, () -> SourceFiles.scan(props.graphBase(), props.homeDir(),
            settings.contextFiles(), props.ontologyDir(), props.dataDir()),
            new GenerationBuilder(layout, props.baseIri(), List.of(), List.of()), props.graphBase(), settings.keepBackups());
        return new RemoteLoader(staging, runner(remote, remoteHttpClient, props),
            new RemoteGraphStore(remote.graphStore(), remoteHttpClient), record).loadIfChanged();
    }

    @Bean
    public SparqlRunner sparqlRunner(LoadReport remoteLoad, RemoteProperties remote, HttpClient remoteHttpClient, AamProperties props) {
        return runner(remote, remoteHttpClient, props);
    }

    private static RemoteSparqlRunner runner(RemoteProperties remote, HttpClient client, AamProperties props) {
        LoadRecord record = new LoadRecord(props.iris());
        return new RemoteSparqlRunner(remote.queryEndpoint(), client, props.queryTimeout(), r -> record.prefixes(record.read(r)));
    }

    /** The public /sparql's guard, with the same settings as on the embedded store (aam.limits, aam.federation). */
    @Bean
    public QueryGuard queryGuard(QueryLimits limits, FederationSettings federation) {
        return new QueryGuard(limits, federation.allowedEndpoints()::contains);
    }

    @Bean
    public ApplicationRunner announceRemoteEngine(RemoteProperties remote, Environment env) {
        return args -> log.info("Remote SPARQL engine: {} (graph store: {}) — proxied at http://localhost:{}/sparql",
            remote.queryEndpoint(), remote.canLoad() ? remote.graphStore() : "none, read-only",
            env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }
}
