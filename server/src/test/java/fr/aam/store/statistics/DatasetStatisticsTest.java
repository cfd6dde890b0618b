package fr.aam.store.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The VoID statistics of a TDB2 store — counted from its sorted indexes where SPARQL would need every distinct term in
 * memory — are what SPARQL's COUNT(DISTINCT …) answers on the same store: the project's graph, with a triple stated in
 * two named graphs (counted once) and a metadata graph (left out).
 */
class DatasetStatisticsTest {

    static final String VOID = "http://rdfs.org/ns/void#";
    static DatasetGraph store;
    static Node meta;
    static Graph statistics;

    @BeforeAll
    static void load() {
        store = DatabaseMgr.createDatasetGraph();
        meta = NodeFactory.createURI(ProjectGraph.IRIS.metaGraph());
        DatasetGraph files = ProjectGraph.dataset();
        Txn.executeWrite(store, () -> {
            files.find().forEachRemaining(store::add);
            Quad any = files.find().next();
            store.add(NodeFactory.createURI(ProjectGraph.GRAPH_BASE + "copy"), any.getSubject(), any.getPredicate(), any.getObject());
            store.add(meta, NodeFactory.createURI(ProjectGraph.IRIS.dataset()), NodeFactory.createURI(VOID + "triples"),
                NodeFactory.createURI("urn:x-only-in-the-metadata-graph"));
        });
        statistics = new DatasetStatistics(ProjectGraph.IRIS).compute(store);
    }

    @Test
    void distinctSubjectsObjectsAndPropertiesAreSparqlsCounts() {
        assertThat(stated("distinctSubjects")).isEqualTo(sparqlCount("COUNT(DISTINCT ?s)", "GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + meta.getURI() + ">)"));
        assertThat(stated("distinctObjects")).isEqualTo(sparqlCount("COUNT(DISTINCT ?o)", "GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + meta.getURI() + ">)"));
        assertThat(stated("properties")).isEqualTo(sparqlCount("COUNT(DISTINCT ?p)", "GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + meta.getURI() + ">)"));
        assertThat(stated("distinctSubjects")).isGreaterThan(1000);
    }

    @Test
    void eachPropertyPartitionCountsDistinctTriples() {
        Map<Node, Long> expected = new HashMap<>();
        String q = "SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <"
            + meta.getURI() + ">) } } GROUP BY ?p";
        Txn.executeRead(store, () -> QueryExec.dataset(store).query(QueryFactory.create(q)).select()
            .forEachRemaining(b -> expected.put(b.get(Var.alloc("p")), ((Number) b.get(Var.alloc("n")).getLiteralValue()).longValue())));
        Map<Node, Long> stated = new HashMap<>();
        Node property = NodeFactory.createURI(VOID + "property");
        Node triples = NodeFactory.createURI(VOID + "triples");
        statistics.find(Node.ANY, property, Node.ANY).forEach(t -> stated.put(t.getObject(),
            ((Number) statistics.find(t.getSubject(), triples, Node.ANY).next().getObject().getLiteralValue()).longValue()));
        assertThat(stated).isEqualTo(expected);
        assertThat(stated).hasSizeGreaterThan(50);
    }

    private static long stated(String property) {
        return ((Number) statistics.find(NodeFactory.createURI(ProjectGraph.IRIS.dataset()), NodeFactory.createURI(VOID + property), Node.ANY)
            .next().getObject().getLiteralValue()).longValue();
    }

    private static long sparqlCount(String count, String where) {
        String q = "SELECT (" + count + " AS ?n) WHERE { " + where + " }";
        return Txn.calculateRead(store, () -> ((Number) QueryExec.dataset(store).query(QueryFactory.create(q)).select()
            .next().get(Var.alloc("n")).getLiteralValue()).longValue());
    }
}
