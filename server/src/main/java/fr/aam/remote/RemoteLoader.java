package fr.aam.remote;

import fr.aam.sparql.SparqlRunner;
import fr.aam.store.LoadReport;
import fr.aam.store.ServedStore;
import fr.aam.store.StoreGeneration;
import fr.aam.store.StoreMaintenance;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the remote engine up to date with ontology/ and data/ through the store's own load, so that parsing, the
 * SHACL validation (file by file, memory bounded), the statistics and the metadata graph are the embedded store's:
 * a local staging store under {@code aam.store} is brought up to date first ({@link StoreMaintenance}: unchanged
 * files are neither read nor revalidated), and when its data differs from what the engine holds (the hash in the
 * engine's metadata graph), each named graph is PUT to the engine through the Graph Store Protocol, the graphs of
 * files that are gone are dropped, and the metadata graph is written last (so an interrupted upload is redone at the
 * next start). Data that does not load leaves the engine untouched. The protocol has no transaction: while graphs are
 * being replaced, readers may see some new graphs and some old ones.
 */
final class RemoteLoader {

    private static final Logger log = LoggerFactory.getLogger(RemoteLoader.class);

    private final StoreMaintenance staging;       // null: read-only, the engine is loaded by other means
    private final SparqlRunner engine;
    private final RemoteGraphStore graphStore;    // null with staging
    private final LoadRecord record;

    RemoteLoader(StoreMaintenance staging, SparqlRunner engine, RemoteGraphStore graphStore, LoadRecord record) {
        this.staging = staging;
        this.engine = engine;
        this.graphStore = graphStore;
        this.record = record;
    }

    LoadReport loadIfChanged() {
        Instant t0 = Instant.now();
        Graph meta = record.read(engine);
        String engineHash = record.hash(meta).orElse(null);
        if (staging == null) {
            log.info("Remote engine, read-only (no aam.remote.graph-store): it serves {} triples (hash {})", record.triples(meta), shortHash(engineHash));
            return report(LoadReport.Outcome.UNCHANGED, engineHash, record.triples(meta), null, t0);
        }
        try (ServedStore staged = staging.start()) {
            LoadReport local = staging.lastLoad();
            StoreGeneration g = staged.current();
            if (local.failed()) {
                log.error("Load refused, the engine keeps serving its previous data (hash {}): {}", shortHash(engineHash), local.error());
                return report(LoadReport.Outcome.FAILED, engineHash, record.triples(meta), local.error(), t0);
            }
            if (g.info().dataHash().equals(engineHash)) {
                log.info("Remote engine is up to date with ontology/ and data/ (hash {}): {} triples", shortHash(engineHash), g.info().triples());
                return report(LoadReport.Outcome.UNCHANGED, engineHash, g.info().triples(), null, t0);
            }
            int graphs = upload(g.dataset(), record.graphs(meta));
            LoadReport done = report(LoadReport.Outcome.LOADED, g.info().dataHash(), g.info().triples(), null, t0);
            log.info("Loaded {} named graphs ({} triples) into the remote engine ({}) in {} ms", graphs, g.info().triples(),
                graphStore.endpoint(), done.millis());
            return done;
        }
    }

    /** Every named graph of the staged generation, the metadata graph last; then the graphs no file gives any more. */
    private int upload(DatasetGraph staged, Set<Node> onEngine) {
        return Txn.calculateRead(staged, () -> {
            int n = 0;
            for (var it = staged.listGraphNodes(); it.hasNext(); ) {
                Node g = it.next();
                onEngine.remove(g);
                if (g.equals(record.metaGraph())) continue;
                graphStore.put(g, staged.getGraph(g));
                n++;
            }
            for (Node gone : onEngine) graphStore.delete(gone);
            graphStore.put(record.metaGraph(), record.withPrefixes(staged.getGraph(record.metaGraph()), staged.prefixes().getMapping()));
            return n;
        });
    }

    private static LoadReport report(LoadReport.Outcome outcome, String hash, long triples, String error, Instant t0) {
        return new LoadReport(LoadReport.Kind.START, outcome, "remote", hash, triples, error, t0,
            Duration.between(t0, Instant.now()).toMillis());
    }

    private static String shortHash(String h) { return h == null ? "none" : h.substring(0, Math.min(12, h.length())); }
}
