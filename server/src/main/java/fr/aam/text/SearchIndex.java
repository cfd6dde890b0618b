package fr.aam.text;

import fr.aam.Iris;
import fr.aam.store.GenerationExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The French full-text index of the graph (jena-text over Lucene), for {@code text:query} on /sparql, the
 * {@code search} canned query, /api/search and the /search page.
 *
 * <p>What is indexed, one Lucene field each: labels ({@code rdfs:label}, {@code skos:prefLabel}, {@code dcterms:title}
 * — field {@code label}), alternative labels ({@code skos:altLabel}, {@code skos:hiddenLabel} — {@code altLabel}),
 * descriptions ({@code dcterms:description}, {@code skos:definition} — {@code description}) and verbatim quotes
 * ({@code aam:quote} — {@code quote}), analysed by {@link FrenchFoldingAnalyzer}.
 *
 * <p>Built with each generation of the store ({@link GenerationExtension}: in the generation's folder, from its freshly
 * loaded data) and served with it, so the index is never out of step with the data: a reload builds a new index with
 * the new generation, and both are switched in together. {@link #wrap} attaches the index to the generation's dataset:
 * the index is put in the dataset's context, where jena-text's {@code text:query} looks for it, so every holder of
 * the dataset (Fuseki's /sparql, the {@code SparqlRunner}) can search.
 */
public final class SearchIndex implements GenerationExtension {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** The index's folder in a generation of the store, beside its TDB2 database. */
    static final String FOLDER = "text-index";

    private final EntityDefinition entities;
    /** The store's own metadata graph (counts, VoID statistics): not the data, not searched. */
    private final Node metaGraph;

    public SearchIndex(Iris iris) {
        metaGraph = NodeFactory.createURI(iris.metaGraph());
        entities = new EntityDefinition("uri", "label");
        entities.setLangField("lang");
        for (Node p : List.of(RDFS.label.asNode(), SKOS.prefLabel.asNode(), DCTerms.title.asNode())) entities.set("label", p);
        for (Node p : List.of(SKOS.altLabel.asNode(), SKOS.hiddenLabel.asNode())) entities.set("altLabel", p);
        for (Node p : List.of(DCTerms.description.asNode(), SKOS.definition.asNode())) entities.set("description", p);
        entities.set("quote", NodeFactory.createURI(iris.term("quote")));
    }

    /** The Lucene configuration: the French analyzer for indexing and querying, values stored (to show the match). */
    private TextIndexConfig config() {
        TextIndexConfig config = new TextIndexConfig(entities);
        config.setAnalyzer(new FrenchFoldingAnalyzer());
        config.setValueStored(true);
        return config;
    }

    /**
     * Indexes every labelled, described or quoted resource of {@code data} (its named graphs but the store's metadata
     * graph, each triple once) into a new Lucene index at {@code indexDir}: written beside it, then moved into place, so
     * a failed build leaves any previous index untouched. Since it never reads the metadata graph, it may run while
     * another extension writes there (the VoID statistics).
     *
     * @return the number of literals indexed
     */
    public long buildIndex(DatasetGraph data, Path indexDir) {
        Path building = indexDir.resolveSibling(indexDir.getFileName() + ".building");
        Path previous = indexDir.resolveSibling(indexDir.getFileName() + ".previous");
        long start = System.currentTimeMillis();
        long[] count = {0};
        try {
            deleteTree(building);
            try (FSDirectory dir = FSDirectory.open(building)) {
                TextIndexLucene index = new TextIndexLucene(dir, config());
                Txn.executeRead(data, () -> {
                    // fields() repeats a field once per predicate mapped to it
                    for (String field : new java.util.LinkedHashSet<>(entities.fields())) {
                        for (Node p : entities.getPredicates(field)) {
                            // TDB2 answers a predicate from its P,O,S,G index: a triple stated in several named graphs
                            // comes as adjacent quads, indexed once (as the union graph would give it)
                            Triple last = null;
                            for (Iterator<Quad> it = data.find(Node.ANY, Node.ANY, p, Node.ANY); it.hasNext(); ) {
                                Quad q = it.next();
                                if (!q.getObject().isLiteral() || q.getGraph().equals(metaGraph)) continue;
                                Triple t = q.asTriple();
                                if (t.equals(last)) continue;
                                last = t;
                                index.addEntity(TextQueryFuncs.entityFromQuad(entities, null, t.getSubject(), p, t.getObject()));
                                count[0]++;
                            }
                        }
                    }
                });
                index.commit();
                index.close();
            }
            deleteTree(previous);
            if (Files.exists(indexDir)) Files.move(indexDir, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(building, indexDir, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the text index in " + indexDir, e);
        }
        log.info("Text index: {} literals indexed in {} ms", count[0], System.currentTimeMillis() - start);
        return count[0];
    }

    /** Builds the text index of a new generation of the store, into its folder. */
    @Override
    public void build(DatasetGraph data, Path generationDir) {
        buildIndex(data, generationDir.resolve(FOLDER));
    }

    /**
     * The generation's dataset with its text index: opened here, closed with the dataset (when the generation is
     * retired or the server stops).
     */
    @Override
    public DatasetGraph wrap(DatasetGraph data, Path generationDir) {
        return wrapIndex(data, generationDir.resolve(FOLDER));
    }

    /**
     * Opens the index at {@code indexDir} and attaches it to {@code data}: {@code text:query} then works on it. The
     * index (and its folder) is closed when the returned dataset is.
     */
    public DatasetGraphText wrapIndex(DatasetGraph data, Path indexDir) {
        try {
            FSDirectory dir = FSDirectory.open(indexDir);
            TextIndexLucene index = new TextIndexLucene(dir, config()) {
                @Override public void close() {
                    try {
                        // Jena's close closes the writer, which is null once Jena rolled the index back (it was, at
                        // each stop while a query was being stopped): it threw, and the folder stayed open
                        if (getIndexWriter() != null) super.close();
                    } finally {
                        try { dir.close(); } catch (IOException e) { log.warn("Closing {}: {}", indexDir, e.getMessage()); }
                    }
                }
            };
            return (DatasetGraphText) TextDatasetFactory.create(data, index, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the text index in " + indexDir, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
