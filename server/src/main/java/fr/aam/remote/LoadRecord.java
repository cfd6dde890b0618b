package fr.aam.remote;

import fr.aam.Iris;
import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.SparqlRunner;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The metadata graph ({@code <base>graph/meta}) as the engine holds it: the one the store's loader writes — the files'
 * hash on {@code meta#store}, {@code void:triples} of the dataset and of each named graph (read by the VoID
 * description) — plus, since an engine keeps no prefixes, the data's prefixes as SHACL prefix declarations
 * ({@code sh:declare [ sh:prefix "actor" ; sh:namespace "…"^^xsd:anyURI ]}).
 */
final class LoadRecord {

    static final String TRIPLES = "http://rdfs.org/ns/void#triples";
    static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Query GRAPH_CONTENT = InternalQueries.load("graph-content.rq");

    private final Node metaGraph;
    private final Node store;
    private final Node dataset;
    private final Node hash;

    /** With the names the store's loader writes the metadata graph with ({@link Iris}). */
    LoadRecord(Iris iris) {
        this.metaGraph = NodeFactory.createURI(iris.metaGraph());
        this.store = NodeFactory.createURI(iris.metaStore());
        this.dataset = NodeFactory.createURI(iris.dataset());
        this.hash = NodeFactory.createURI(iris.contentHash());
    }

    Node metaGraph() { return metaGraph; }

    /** The engine's metadata graph, read through its query endpoint (empty when the engine was never loaded). */
    Graph read(SparqlRunner runner) {
        return runner.run(GRAPH_CONTENT, BindingFactory.binding(Var.alloc("graph"), metaGraph)).graph();
    }

    /** The store's metadata graph with the data's prefixes declared: what the engine gets. */
    Graph withPrefixes(Graph storeMeta, Map<String, String> prefixes) {
        Graph g = GraphFactory.createDefaultGraph();
        storeMeta.find().forEach(g::add);
        prefixes.forEach((prefix, ns) -> {
            Node decl = NodeFactory.createBlankNode();
            g.add(Triple.create(store, uri(SH + "declare"), decl));
            g.add(Triple.create(decl, uri(SH + "prefix"), NodeFactory.createLiteralString(prefix)));
            g.add(Triple.create(decl, uri(SH + "namespace"), NodeFactory.createLiteralDT(ns, XSDDatatype.XSDanyURI)));
        });
        return g;
    }

    Optional<String> hash(Graph meta) {
        var it = meta.find(store, hash, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject().getLiteralLexicalForm()) : Optional.empty();
    }

    long triples(Graph meta) {
        var it = meta.find(store, uri(TRIPLES), Node.ANY);
        return it.hasNext() ? ((Number) it.next().getObject().getLiteralValue()).longValue() : -1;
    }

    /** The named graphs a previous load wrote (to drop those whose file is gone). */
    Set<Node> graphs(Graph meta) {
        Set<Node> out = new LinkedHashSet<>();
        meta.find(Node.ANY, uri(TRIPLES), Node.ANY).forEach(t -> {
            if (!t.getSubject().equals(store) && !t.getSubject().equals(dataset)) out.add(t.getSubject());
        });
        return out;
    }

    Map<String, String> prefixes(Graph meta) {
        Map<String, String> out = new LinkedHashMap<>();
        meta.find(store, uri(SH + "declare"), Node.ANY).forEach(t -> {
            var p = meta.find(t.getObject(), uri(SH + "prefix"), Node.ANY);
            var ns = meta.find(t.getObject(), uri(SH + "namespace"), Node.ANY);
            if (p.hasNext() && ns.hasNext()) out.put(p.next().getObject().getLiteralLexicalForm(), ns.next().getObject().getLiteralLexicalForm());
        });
        return out;
    }

    private static Node uri(String iri) { return NodeFactory.createURI(iri); }
}
