package fr.aam.linkeddata;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * French and English names of the standard terms the graph reuses (resources/linked-data/term-labels.ttl), for the
 * terms the ontology does not name itself: a page never shows a property or a class by its IRI.
 */
final class TermLabels {

    private final Graph labels;

    private TermLabels(Graph labels) { this.labels = labels; }

    static TermLabels load() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source("linked-data/term-labels.ttl").lang(Lang.TURTLE).parse(g);
        return new TermLabels(g);
    }

    List<Node> of(Node term) {
        return labels.find(term, Vocab.LABEL, Node.ANY).mapWith(Triple::getObject).toList();
    }
}
