package fr.aam.store;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;

/**
 * A read-only view of a whole dataset that answers only questions about a given resource: "what does the dataset say
 * about s?" ({@code s ?p ?o}) and "what points to o by p?" ({@code ?s p o}, p not rdf:type). A resource's description
 * is spread over files — an actor of actors.ttl gets its provenance from each document that names it; a partnership's
 * agent is typed in another file — so one file alone would show false violations. Beside one file, this view lets
 * SHACL see each focus node's whole description, while the focus nodes still come from that file only (the view never
 * answers "all instances of a class"), and without holding the dataset in memory.
 */
final class DatasetLookups extends GraphBase {

    private final DatasetGraph dataset;

    /** @param dataset read in the caller's transaction; the union of its named graphs is what it says */
    DatasetLookups(DatasetGraph dataset) { this.dataset = dataset; }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject();
        Node p = pattern.getPredicate();
        Node o = pattern.getObject();
        boolean aboutSubject = s.isConcrete();
        boolean pointingTo = !aboutSubject && o.isConcrete() && p.isConcrete() && !p.equals(RDF.type.asNode());
        if (!aboutSubject && !pointingTo) return WrappedIterator.emptyIterator();
        Set<Triple> distinct = new HashSet<>();
        dataset.find(Node.ANY, s, p, o).forEachRemaining(q -> distinct.add(q.asTriple()));
        return WrappedIterator.create(distinct.iterator());
    }

    /**
     * The types, in the whole dataset, of the resources {@code graph} describes: a file that adds statements about a
     * resource typed in another file gets that resource validated too.
     */
    Graph typesOfSubjects(Graph graph) {
        Graph types = GraphFactory.createDefaultGraph();
        Set<Node> seen = new HashSet<>();
        graph.find().forEach(t -> {
            if (seen.add(t.getSubject())) {
                dataset.find(Node.ANY, t.getSubject(), RDF.type.asNode(), Node.ANY).forEachRemaining(q -> types.add(q.asTriple()));
            }
        });
        return types;
    }
}
