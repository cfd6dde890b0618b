package fr.aam.remote;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A remote SPARQL 1.1 engine used instead of the embedded TDB2 store (prefix {@code aam.remote}); remote mode is on
 * when {@code query-endpoint} is set.
 *
 * @param queryEndpoint  the engine's SPARQL query endpoint (SPARQL 1.1 Protocol), e.g. {@code http://host:3030/ds/query}
 * @param graphStore     the engine's Graph Store Protocol endpoint, to which each named graph is loaded (PUT) after
 *                       the same parsing and SHACL validation as the embedded store; blank = the engine is loaded by
 *                       other means and the server only reads
 * @param username       user for the graph store (HTTP basic or digest, as the engine asks), blank = none
 * @param password       its password
 * @param connectTimeout limit to open a connection to the engine (reads are limited by {@code aam.query-timeout})
 */
@ConfigurationProperties(prefix = "aam.remote")
public record RemoteProperties(String queryEndpoint, String graphStore, String username, String password,
                               Duration connectTimeout) {

    public static final String QUERY_ENDPOINT = "aam.remote.query-endpoint";

    public RemoteProperties {
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
    }

    public boolean canLoad() { return graphStore != null && !graphStore.isBlank(); }

    public boolean hasCredentials() { return username != null && !username.isBlank(); }
}
