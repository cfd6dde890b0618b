package fr.aam.sparql;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Federated queries (settings {@code aam.federation.*}). {@code SERVICE} is off unless endpoints are listed here: an
 * open SERVICE lets anyone make the server fetch any URL (internal addresses included) and tie up its threads.
 *
 * @param allowedEndpoints       the only endpoint URLs a SERVICE clause may name, exactly as written here
 * @param allowPrivateAddresses  also allow endpoints that resolve to loopback, link-local or private addresses —
 *                               for tests that start a second engine on loopback; never in production
 * @param connectTimeout         connection timeout of a remote call
 * @param readTimeout            time allowed for a remote endpoint's whole answer
 * @param maxConcurrent          remote calls in flight at once, all queries together
 */
@ConfigurationProperties(prefix = "aam.federation")
public record FederationSettings(List<String> allowedEndpoints, boolean allowPrivateAddresses,
                                 Duration connectTimeout, Duration readTimeout, int maxConcurrent) {

    public FederationSettings {
        allowedEndpoints = allowedEndpoints == null ? List.of() : List.copyOf(allowedEndpoints);
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(5);
        if (readTimeout == null) readTimeout = Duration.ofSeconds(20);
        if (maxConcurrent <= 0) maxConcurrent = 4;
    }

    public boolean enabled() { return !allowedEndpoints.isEmpty(); }
}
