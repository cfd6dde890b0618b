package fr.aam.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** /actuator/health: the store, its triple count, the hash of the data it serves, and the last load's outcome. */
@Component("store")
public class StoreHealthIndicator implements HealthIndicator {

    private final TdbStore store;
    private final LoadStatus status;

    public StoreHealthIndicator(TdbStore store, LoadStatus status) {
        this.store = store;
        this.status = status;
    }

    @Override
    public Health health() {
        long triples = store.tripleCount();
        Health.Builder b = triples > 0 ? Health.up() : Health.down();
        b.withDetail("triples", triples)
         .withDetail("dataHash", status.storeHash() == null ? "none" : status.storeHash())
         .withDetail("lastLoad", status.outcome().name())
         .withDetail("lastLoadAt", status.at().toString());
        if (status.outcome() == LoadStatus.Outcome.FAILED) {
            b.withDetail("lastLoadError", status.error()).withDetail("filesHash", status.filesHash());
        }
        return b.build();
    }
}
