package fr.aam.sparql;

import org.apache.jena.graph.Node;

/** The text of an RDF term, as the API's JSON rows and the pages show it. */
public final class NodeText {

    private NodeText() {}

    /** A literal's lexical form, an IRI as itself, a blank node as {@code _:label}; null for null. */
    public static String of(Node n) {
        if (n == null) return null;
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (n.isURI()) return n.getURI();
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return n.toString();
    }
}
