package fr.aam.store.statistics;

import fr.aam.Iris;
import fr.aam.sparql.InternalQueries;
import fr.aam.store.GenerationExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
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
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.system.Txn;

/**
 * The VoID description of a generation of the store, computed once when it is built (never at request time) and
 * written into its metadata graph beside the triple counts the builder records: distinct subjects, objects,
 * properties, classes and entities; class and property partitions (the ontology page's use counts); the collections
 * browsed under /id/&lt;segment&gt;/ (the class indexes' sizes) and the linksets to Wikidata, ESCO, INSEE, ROME and
 * ANS. Each part is a CONSTRUCT in resources/sparql/statistics/ over the named graphs; the counts that SPARQL could only
 * make with every distinct term or triple in memory (distinct subjects, objects, triples per property) are read from
 * the store's sorted indexes ({@link IndexCounts}) and bound into those queries.
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

    /** The statistics of {@code data}'s named graphs (its metadata graph aside); {@code data} is a TDB2 dataset. */
    public Graph compute(DatasetGraph data) {
        IndexCounts.Counts counts = IndexCounts.of(data, metaGraph);
        Graph out = GraphFactory.createDefaultGraph();
        Txn.executeRead(data, () -> {
            for (int i = 0; i < PARTS.size(); i++) {
                Query q = queries.get(i);
                Binding b = iris;
                switch (PARTS.get(i)) {
                    case "dataset" -> b = BindingFactory.builder(iris)
                        .add(Var.alloc("subjects"), integer(counts.subjects()))
                        .add(Var.alloc("objects"), integer(counts.objects()))
                        .add(Var.alloc("properties"), integer(counts.triplesPerProperty().size())).build();
                    case "property-partitions" -> q = withRows(q, counts.triplesPerProperty());
                    default -> { }
                }
                try (QueryExec exec = QueryExec.dataset(data).query(q).substitution(b).build()) {
                    exec.construct(out);
                }
            }
        });
        return out;
    }

    /** The query with one row (?property ?n) per property put first in its WHERE clause, as a VALUES block. */
    private static Query withRows(Query query, Map<Node, Long> triplesPerProperty) {
        Query q = query.cloneQuery();
        Var property = Var.alloc("property");
        Var n = Var.alloc("n");
        ElementData rows = new ElementData();
        rows.add(property);
        rows.add(n);
        triplesPerProperty.forEach((p, count) -> rows.add(BindingFactory.binding(property, p, n, integer(count))));
        ElementGroup where = new ElementGroup();
        where.addElement(rows);
        if (q.getQueryPattern() instanceof ElementGroup g) g.getElements().forEach(where::addElement);
        else where.addElement(q.getQueryPattern());
        q.setQueryPattern(where);
        return q;
    }

    private static Node integer(long n) { return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger); }

    /** Adds the statistics of the freshly loaded generation to its metadata graph. */
    @Override
    public void build(DatasetGraph data, Path generationDir) {
        Graph statistics = compute(data);
        Txn.executeWrite(data, () -> statistics.find().forEach(t -> data.add(new Quad(metaGraph, t))));
    }
}
