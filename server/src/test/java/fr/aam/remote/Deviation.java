package fr.aam.remote;

/**
 * A documented way in which an engine's answers differ from SPARQL 1.1's, and the normalisation under which its
 * answers must still equal Jena's: a test names the query it affects and the engine's own issue.
 */
enum Deviation {

    /** Virtuoso is a quad store: with no FROM, a triple stated in two named graphs matches twice (rows repeat). */
    BAG_UNION_OF_GRAPHS("the default graph is the bag union of the graphs, not their RDF merge: rows repeat when a "
        + "fact is stated in several files (openlink/virtuoso-opensource#1406, 'expected behaviour of Virtuoso as an "
        + "RDF Quad Store')"),

    /** Virtuoso has no boolean type in its SQL engine. */
    BOOLEANS_AS_INTEGERS("xsd:boolean values (BIND(EXISTS {…} AS ?x)) come back as 1 and 0 "
        + "(openlink/virtuoso-opensource#251: 'Bools will stay integers as long as there's no BOOL in our SQL engine')");

    final String reason;

    Deviation(String reason) { this.reason = reason; }
}
