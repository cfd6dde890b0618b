package fr.aam.remote;

import fr.aam.AamProperties;
import fr.aam.sparql.SparqlRunner;
import fr.aam.store.LoadStatus;
import java.net.URI;
import java.net.http.HttpClient;
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
 * engine through {@link RemoteSparqlRunner}, the files are loaded into it through the Graph Store Protocol after the
 * same parsing and SHACL validation as the embedded store, and {@code /sparql} proxies to it ({@link SparqlProxy}).
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

    @Bean
    public SparqlRunner sparqlRunner(RemoteProperties remote, HttpClient remoteHttpClient, AamProperties props) {
        LoadRecord record = new LoadRecord(props.graphBase());
        return new RemoteSparqlRunner(remote.queryEndpoint(), remoteHttpClient, props.queryTimeout(),
            runner -> record.prefixes(record.read(runner)));
    }

    @Bean
    public RemoteLoader remoteLoader(RemoteProperties remote, HttpClient remoteHttpClient, AamProperties props, SparqlRunner sparqlRunner) {
        return new RemoteLoader(props, sparqlRunner, remote.canLoad() ? new RemoteGraphStore(remote.graphStore(), remoteHttpClient) : null,
            new LoadRecord(props.graphBase()));
    }

    /** Runs the load while the context starts, so the HTTP port opens only once the engine holds the files. */
    @Bean
    public LoadStatus loadStatus(RemoteLoader remoteLoader) {
        return remoteLoader.loadIfChanged();
    }

    @Bean
    public ApplicationRunner announceRemoteEngine(RemoteProperties remote, Environment env) {
        return args -> log.info("Remote SPARQL engine: {} (graph store: {}) — proxied at http://localhost:{}/sparql",
            remote.queryEndpoint(), remote.canLoad() ? remote.graphStore() : "none, read-only",
            env.getProperty("local.server.port", env.getProperty("server.port", "8080")));
    }
}
