package fr.aam.bench;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;

/** Writes triples to a Jena stream (a Turtle file) and counts them; short forms for the generator's needs. */
final class TripleSink {

    private final StreamRDF out;
    private long count;

    TripleSink(StreamRDF out) { this.out = out; }

    long count() { return count; }

    void add(Node s, Node p, Node o) {
        out.triple(Triple.create(s, p, o));
        count++;
    }

    void add(Node s, String p, Node o) { add(s, NodeFactory.createURI(p), o); }

    void type(Node s, String... classes) {
        for (String c : classes) add(s, RDF.type.asNode(), NodeFactory.createURI(c));
    }

    /** A French text (rdf:langString @fr). */
    void fr(Node s, String p, String text) { add(s, p, NodeFactory.createLiteralLang(text, "fr")); }

    void typed(Node s, String p, Object value, RDFDatatype dt) {
        add(s, p, NodeFactory.createLiteralDT(String.valueOf(value), dt));
    }

    void integer(Node s, String p, long value) { typed(s, p, value, XSDDatatype.XSDinteger); }

    void string(Node s, String p, String value) { add(s, p, NodeFactory.createLiteralString(value)); }
}
