package fr.aam.remote;

import fr.aam.AamProperties;
import fr.aam.sparql.SparqlRunner;
import fr.aam.store.DataLoadException;
import fr.aam.store.GraphParser;
import fr.aam.store.LoadStatus;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the remote engine up to date with ontology/ and data/, as the embedded store's loader does: when the hash
 * the engine holds (its metadata graph) differs from the files', parse every file and validate with the same parser
 * and shapes, and only then PUT each named graph through the Graph Store Protocol, drop the graphs of files that are
 * gone, and write the metadata graph last (so an interrupted load is retried at the next start). A file that does not
 * parse or does not conform leaves the engine untouched. The Graph Store Protocol has no transaction: while graphs
 * are being replaced, readers may see some new graphs and some old ones.
 */
final class RemoteLoader {

    private static final Logger log = LoggerFactory.getLogger(RemoteLoader.class);

    private final AamProperties props;
    private final SparqlRunner runner;
    private final RemoteGraphStore graphStore;   // null: read-only, the engine is loaded by other means
    private final LoadRecord record;

    RemoteLoader(AamProperties props, SparqlRunner runner, RemoteGraphStore graphStore, LoadRecord record) {
        this.props = props;
        this.runner = runner;
        this.graphStore = graphStore;
        this.record = record;
    }

    LoadStatus loadIfChanged() {
        Instant start = Instant.now();
        SourceFiles sources = SourceFiles.scan(props.graphBase(), props.ontologyDir(), props.dataDir());
        String filesHash = sources.contentHash();
        Graph meta = record.read(runner);
        String engineHash = record.hash(meta).orElse(null);
        if (filesHash.equals(engineHash)) {
            log.info("Remote engine is up to date with ontology/ and data/ (hash {}): {} triples", shortHash(filesHash), record.triples(meta));
            return new LoadStatus(LoadStatus.Outcome.UNCHANGED, engineHash, filesHash, null, start, 0);
        }
        if (graphStore == null) {
            String why = "the files differ from the engine's data and no graph store is configured (aam.remote.graph-store): "
                + "the engine serves what it holds";
            log.warn(why);
            return new LoadStatus(LoadStatus.Outcome.FAILED, engineHash, filesHash, why, start, 0);
        }
        try {
            DatasetGraph staged = new GraphParser(props.homeDir()).parse(sources);
            StoreLoader.validatorFor(props.graphBase()).check(staged);
            Set<Node> previous = record.graphs(meta);
            int graphs = 0;
            for (var it = staged.listGraphNodes(); it.hasNext(); graphs++) {
                Node g = it.next();
                graphStore.put(g, staged.getGraph(g));
                previous.remove(g);
            }
            for (Node gone : previous) graphStore.delete(gone);
            graphStore.put(record.metaGraph(), record.describe(staged, filesHash));
            long millis = Duration.between(start, Instant.now()).toMillis();
            log.info("Loaded {} named graphs into the remote engine ({}) in {} ms", graphs,
                graphStore.endpoint(), millis);
            return new LoadStatus(LoadStatus.Outcome.LOADED, filesHash, filesHash, null, start, millis);
        } catch (DataLoadException e) {
            log.error("Load refused, the engine keeps serving its previous data (hash {}): {}", shortHash(engineHash), e.getMessage());
            return new LoadStatus(LoadStatus.Outcome.FAILED, engineHash, filesHash, e.getMessage(), start,
                Duration.between(start, Instant.now()).toMillis());
        }
    }

    /** Triples the engine holds, as its metadata graph records them (-1 when never loaded). */
    long triples() { return record.triples(record.read(runner)); }

    private static String shortHash(String h) { return h == null ? "none" : h.substring(0, 12); }
}
