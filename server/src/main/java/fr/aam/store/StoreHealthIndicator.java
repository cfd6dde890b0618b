package fr.aam.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * /actuator/health: UP when the store serves what ontology/ and data/ hold; {@code STALE} (answered 200, documented
 * in the README) when the last load failed and older data is still served; DOWN when there is no data at all.
 * Details (generation, counts, the load error) are shown to the admin only.
 */
@Component("store")
@org.springframework.context.annotation.Conditional(fr.aam.remote.RemoteEngineConfigured.Absent.class)   // not in remote mode
public class StoreHealthIndicator implements HealthIndicator {

    public static final Status STALE = new Status("STALE", "serving older data: the last load failed");

    private final ServedStore store;
    private final StoreMaintenance maintenance;

    public StoreHealthIndicator(ServedStore store, StoreMaintenance maintenance) {
        this.store = store;
        this.maintenance = maintenance;
    }

    @Override
    public Health health() {
        StoreGeneration g = store.current();
        LoadReport last = maintenance.lastLoad();
        Health.Builder b = g.info().triples() == 0 ? Health.down()
            : last != null && last.failed() ? Health.status(STALE) : Health.up();
        b.withDetail("generation", g.name())
         .withDetail("triples", g.info().triples())
         .withDetail("dataHash", g.info().dataHash())
         .withDetail("origin", g.info().origin())
         .withDetail("builtAt", g.info().builtAt().toString());
        if (last != null) {
            b.withDetail("lastLoad", last.outcome().name()).withDetail("lastLoadKind", last.kind().name())
             .withDetail("lastLoadAt", last.at().toString());
            if (last.failed()) b.withDetail("lastLoadError", last.error());
        }
        return b.build();
    }
}
