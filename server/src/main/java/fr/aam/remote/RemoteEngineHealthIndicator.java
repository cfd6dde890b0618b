package fr.aam.remote;

import fr.aam.AamProperties;
import fr.aam.sparql.SparqlRunner;
import fr.aam.store.LoadReport;
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

    private final SparqlRunner engine;
    private final LoadRecord record;
    private final LoadReport lastLoad;
    private final RemoteProperties remote;

    public RemoteEngineHealthIndicator(SparqlRunner engine, AamProperties props, LoadReport remoteLoad, RemoteProperties remote) {
        this.engine = engine;
        this.record = new LoadRecord(props.iris());
        this.lastLoad = remoteLoad;
        this.remote = remote;
    }

    @Override
    public Health health() {
        long triples;
        try {
            triples = record.triples(record.read(engine));
        } catch (RuntimeException e) {
            return Health.down().withDetail("engine", "not answering").build();
        }
        Health.Builder b = triples > 0 ? Health.up() : Health.down();
        b.withDetail("engine", "remote SPARQL 1.1").withDetail("triples", triples)
         .withDetail("graphStore", remote.canLoad() ? "configured" : "none (read-only)")
         .withDetail("dataHash", lastLoad.dataHash() == null ? "none" : lastLoad.dataHash())
         .withDetail("lastLoad", lastLoad.outcome().name())
         .withDetail("lastLoadAt", lastLoad.at().toString());
        if (lastLoad.failed()) b.withDetail("lastLoadError", lastLoad.error());
        return b.build();
    }
}
