package fr.aam.remote;

import fr.aam.store.LoadStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * /actuator/health in remote mode: the engine answers (its metadata graph is read through it), with the triple
 * count and the hash the last load recorded there, and the last load's outcome — the same details as the embedded
 * store's.
 */
@Component("store")
@Conditional(RemoteEngineConfigured.class)
public class RemoteEngineHealthIndicator implements HealthIndicator {

    private final RemoteLoader loader;
    private final LoadStatus status;
    private final RemoteProperties remote;

    public RemoteEngineHealthIndicator(RemoteLoader loader, LoadStatus status, RemoteProperties remote) {
        this.loader = loader;
        this.status = status;
        this.remote = remote;
    }

    @Override
    public Health health() {
        long triples;
        try {
            triples = loader.triples();
        } catch (RuntimeException e) {
            return Health.down().withDetail("engine", "not answering").build();
        }
        Health.Builder b = triples > 0 ? Health.up() : Health.down();
        b.withDetail("engine", "remote SPARQL 1.1").withDetail("triples", triples)
         .withDetail("graphStore", remote.canLoad() ? "configured" : "none (read-only)")
         .withDetail("dataHash", status.storeHash() == null ? "none" : status.storeHash())
         .withDetail("lastLoad", status.outcome().name())
         .withDetail("lastLoadAt", status.at().toString());
        if (status.outcome() == LoadStatus.Outcome.FAILED) {
            b.withDetail("lastLoadError", status.error()).withDetail("filesHash", status.filesHash());
        }
        return b.build();
    }
}
