package fr.aam.store.statistics;

import fr.aam.Iris;
import fr.aam.sparql.InternalQueries;
import fr.aam.store.GenerationExtension;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * The VoID description of a generation of the store, computed once when it is built (never at request time) and
 * written into its metadata graph beside the triple counts the builder records: distinct subjects, objects,
 * properties, classes and entities; class and property partitions (the ontology page's use counts); the collections
 * browsed under /id/&lt;segment&gt;/ (the class indexes' sizes) and the linksets to Wikidata, ESCO, INSEE, ROME and
 * ANS. Each part is a CONSTRUCT in resources/sparql/statistics/ over the named graphs.
 */
public final class DatasetStatistics implements GenerationExtension {

    private static final List<String> PARTS = List.of("dataset", "class-partitions", "property-partitions",
        "collections", "linksets");

    private final List<Query> queries;
    private final Binding iris;
    private final Node metaGraph;

    public DatasetStatistics(Iris iris) {
        PrefixMapping aam = PrefixMapping.Factory.create().setNsPrefix("aam", iris.termNamespace());
        this.queries = PARTS.stream().map(p -> InternalQueries.load("statistics/" + p + ".rq", aam)).toList();
        this.metaGraph = NodeFactory.createURI(iris.metaGraph());
        this.iris = BindingFactory.builder()
            .add(Var.alloc("dataset"), NodeFactory.createURI(iris.dataset()))
            .add(Var.alloc("id"), NodeFactory.createURI(iris.id()))
            .add(Var.alloc("meta"), metaGraph)
            .build();
    }

    /** The statistics of {@code data}'s named graphs (its metadata graph aside). */
    public Graph compute(DatasetGraph data) {
        Graph out = GraphFactory.createDefaultGraph();
        Txn.executeRead(data, () -> {
            for (Query q : queries) {
                try (QueryExec exec = QueryExec.dataset(data).query(q).substitution(iris).build()) {
                    exec.construct(out);
                }
            }
        });
        return out;
    }

    /** Adds the statistics of the freshly loaded generation to its metadata graph. */
    @Override
    public void build(DatasetGraph data, Path generationDir) {
        Graph statistics = compute(data);
        Txn.executeWrite(data, () -> statistics.find().forEach(t -> data.add(new Quad(metaGraph, t))));
    }
}
