package fr.aam.store.statistics;

import fr.aam.Iris;
import fr.aam.sparql.InternalQueries;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/**
 * The VoID description of a load, computed once when the data is loaded (never at request time): size of the
 * dataset and of each named graph, class and property partitions (the ontology page's use counts), the collections
 * browsed under /id/&lt;segment&gt;/ (the class indexes' counts) and the linksets to Wikidata, ESCO, INSEE, ROME and
 * ANS. Each part is a CONSTRUCT in resources/sparql/statistics/ reading the named graphs, so it runs the same on an
 * in-memory staging dataset and on a TDB2 store; run it before the store's metadata graph is written.
 */
public final class DatasetStatistics {

    private static final List<String> PARTS = List.of("dataset", "graphs", "class-partitions", "property-partitions",
        "collections", "linksets");

    private final List<Query> queries;
    private final Binding iris;

    public DatasetStatistics(Iris iris) {
        PrefixMapping aam = PrefixMapping.Factory.create().setNsPrefix("aam", iris.termNamespace());
        this.queries = PARTS.stream().map(p -> InternalQueries.load("statistics/" + p + ".rq", aam)).toList();
        this.iris = BindingFactory.builder()
            .add(Var.alloc("dataset"), NodeFactory.createURI(iris.dataset()))
            .add(Var.alloc("id"), NodeFactory.createURI(iris.id()))
            .build();
    }

    /** The statistics of every named graph of {@code data}, as triples about the dataset, its graphs and subsets. */
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
}
