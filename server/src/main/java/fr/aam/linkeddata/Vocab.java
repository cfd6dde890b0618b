package fr.aam.linkeddata;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/** The standard terms the pages treat specially (names, descriptions, provenance, notes). */
final class Vocab {

    private Vocab() {}

    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

    static final Node TYPE = RDF.type.asNode();
    static final Node LABEL = RDFS.label.asNode();
    static final Node PREF_LABEL = SKOS.prefLabel.asNode();
    static final Node TITLE = DCTerms.title.asNode();
    static final Node DESCRIPTION = DCTerms.description.asNode();
    static final Node DEFINITION = SKOS.definition.asNode();
    static final Node COMMENT = RDFS.comment.asNode();
    static final Node SUBCLASS_OF = RDFS.subClassOf.asNode();
    static final Node IS_PART_OF = DCTerms.isPartOf.asNode();
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");
    static final Node QUALIFIED_ASSOCIATION = NodeFactory.createURI(PROV + "qualifiedAssociation");
    static final Node AGENT = NodeFactory.createURI(PROV + "agent");
    static final Node FIRST = RDF.first.asNode();
    static final Node REST = RDF.rest.asNode();
    static final Node NIL = RDF.nil.asNode();

    /** A resource's names: the first one in the page's language is its title, the others are listed. */
    static final Set<Node> NAMES = Set.of(LABEL, PREF_LABEL, TITLE);
    /** What a resource is called besides its name. */
    static final Set<Node> IDENTITY = Set.of(LABEL, PREF_LABEL, TITLE, SKOS.altLabel.asNode(), SKOS.notation.asNode(),
        DCTerms.identifier.asNode(), NodeFactory.createURI("http://rdf.insee.fr/def/geo#nom"));
    /** Its description, shown under the title. */
    static final Set<Node> DESCRIPTIONS = Set.of(DESCRIPTION, DEFINITION);
    /** Never shown to readers: the maintainers' editorial and change notes, hidden labels. They stay in the RDF. */
    static final Set<Node> HIDDEN = Set.of(SKOS.editorialNote.asNode(), SKOS.changeNote.asNode(), SKOS.hiddenLabel.asNode());
    /**
     * The extraction notes ({@code rdfs:comment} in data/): why a place was defaulted, which page, what the text does
     * not say. Written for readers in words (a check forbids prefixed names and file names in them), shown folded.
     */
    static final Node EXTRACTION_NOTE = COMMENT;
    /** Notes written for readers, shown under the page. */
    static final Set<Node> NOTES = Set.of(SKOS.note.asNode(), SKOS.scopeNote.asNode(), SKOS.historyNote.asNode());
}
