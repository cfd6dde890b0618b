package fr.aam.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>SHACL asks about the same resources again and again (each property shape of a focus node; the type of every
 * lever, role, territory or profession a file points to), so each resource's description is read from the store once
 * and kept, for the most recently used {@value #CACHED} resources: memory stays bounded whatever the data's size.
 * The dataset does not change while the view is used (one read transaction).
 */
final class DatasetLookups extends GraphBase {

    private static final int CACHED = 20_000;

    private final DatasetGraph dataset;
    /** The distinct triples about a subject (s ?p ?o), and pointing to an object by a property (?s p o). */
    private final Map<Node, List<Triple>> bySubject = lru();
    private final Map<Triple, List<Triple>> byPredicateObject = lru();

    /** @param dataset read in the caller's transaction; the union of its named graphs is what it says */
    DatasetLookups(DatasetGraph dataset) { this.dataset = dataset; }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getSubject();
        Node p = pattern.getPredicate();
        Node o = pattern.getObject();
        if (s.isConcrete()) {
            List<Triple> about = bySubject.computeIfAbsent(s, k -> distinct(k, Node.ANY, Node.ANY));
            return WrappedIterator.create(about.iterator()).filterKeep(pattern::matches);
        }
        boolean pointingTo = o.isConcrete() && p.isConcrete() && !p.equals(RDF.type.asNode());
        if (!pointingTo) return WrappedIterator.emptyIterator();
        List<Triple> in = byPredicateObject.computeIfAbsent(Triple.create(Node.ANY, p, o), k -> distinct(Node.ANY, p, o));
        return WrappedIterator.create(in.iterator());
    }

    private List<Triple> distinct(Node s, Node p, Node o) {
        Set<Triple> distinct = new HashSet<>();
        dataset.find(Node.ANY, s, p, o).forEachRemaining(q -> distinct.add(q.asTriple()));
        return new ArrayList<>(distinct);
    }

    /**
     * The types, in the whole dataset, of the resources {@code graph} describes: a file that adds statements about a
     * resource typed in another file gets that resource validated too.
     */
    Graph typesOfSubjects(Graph graph) {
        Graph types = GraphFactory.createDefaultGraph();
        Set<Node> seen = new HashSet<>();
        graph.find().forEach(t -> {
            if (seen.add(t.getSubject())) find(t.getSubject(), RDF.type.asNode(), Node.ANY).forEach(types::add);
        });
        return types;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<K, V> eldest) { return size() > CACHED; }
        };
    }
}
