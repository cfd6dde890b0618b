package fr.aam.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store up to date with ontology/ and data/: when the store is empty or the files' hash differs from the
 * one recorded in the store, parse every file, validate the union against the SHACL shapes, and only then replace the
 * store's content in one transaction. Any failure leaves the store as it was, still served, and is reported with its
 * file and line.
 */
public final class StoreLoader {

    private static final Logger log = LoggerFactory.getLogger(StoreLoader.class);

    private final TdbStore store;
    private final SourceFiles sources;
    private final GraphParser parser;
    private final ShapesValidator validator;

    public StoreLoader(TdbStore store, SourceFiles sources, GraphParser parser, ShapesValidator validator) {
        this.store = store;
        this.sources = sources;
        this.parser = parser;
        this.validator = validator;
    }

    public static ShapesValidator validatorFor(String graphBase) {
        return new ShapesValidator(NodeFactory.createURI(graphBase + "shapes"));
    }

    public LoadStatus loadIfChanged() {
        Instant start = Instant.now();
        String filesHash = sources.contentHash();
        String storeHash = store.contentHash().orElse(null);
        if (filesHash.equals(storeHash)) {
            log.info("Store is up to date with ontology/ and data/ (hash {}): {} triples", shortHash(filesHash), store.tripleCount());
            return new LoadStatus(LoadStatus.Outcome.UNCHANGED, storeHash, filesHash, null, start, 0);
        }
        try {
            DatasetGraph staged = parser.parse(sources);
            validator.check(staged);
            store.replaceAll(staged, filesHash);
            long millis = Duration.between(start, Instant.now()).toMillis();
            logLoaded(staged, millis);
            return new LoadStatus(LoadStatus.Outcome.LOADED, filesHash, filesHash, null, start, millis);
        } catch (DataLoadException e) {
            log.error("Load refused, the store keeps serving its previous data (hash {}): {}", shortHash(storeHash), e.getMessage());
            return new LoadStatus(LoadStatus.Outcome.FAILED, storeHash, filesHash, e.getMessage(), start,
                Duration.between(start, Instant.now()).toMillis());
        }
    }

    private void logLoaded(DatasetGraph staged, long millis) {
        Map<String, Long> perGraph = new TreeMap<>();
        staged.listGraphNodes().forEachRemaining(g -> perGraph.put(g.getURI(), (long) staged.getGraph(g).size()));
        long total = perGraph.values().stream().mapToLong(Long::longValue).sum();
        perGraph.forEach((g, n) -> log.info("  {} triples in <{}>", n, g));
        log.info("Loaded {} triples in {} named graphs in {} ms", total, perGraph.size(), millis);
    }

    private static String shortHash(String h) { return h == null ? "none" : h.substring(0, 12); }
}
