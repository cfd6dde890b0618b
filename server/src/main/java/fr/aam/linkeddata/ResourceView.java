package fr.aam.linkeddata;

import java.util.List;

/**
 * What a resource page shows, in the page's language, every IRI already turned into a name and a link of this
 * server: the title and types in words, the description, the properties grouped (identity, relations, values), who
 * does what (qualified associations, with roles and sources), the resources pointing here grouped by property, the
 * provenance (document, section, verbatim quotes), links to other datasets, the canned queries that apply, the notes
 * written for readers and the extraction notes (folded).
 */
public record ResourceView(
    String iri, String path, String title, List<Link> types, String description, Link collection,
    List<Section> sections, Participations participations, List<InboundGroup> inbound, boolean inboundFocus,
    List<Source> sources, List<String> quotes, List<ExternalLink> external, List<String> notes,
    List<Note> extractionNotes,
    List<QueryLink> queries, List<Alternate> formats, Link download) {

    /** A note in its own language (lang null when the literal has none). */
    public record Note(String text, String lang) {}

    /** A name and where it leads (a path of this server, or an external address); href null for plain text. */
    public record Link(String label, String href) {}

    /**
     * One value of a property: text (a literal, or a resource's name) with its link, its language when it is not the
     * page's, a note (the datatype, when two values differ only by it), or nested rows (blank nodes and the page's
     * own fragments, shown inline).
     */
    public record Value(String text, String href, String lang, String note, List<Row> nested) {}

    public record Row(String property, String propertyIri, List<Value> values) {}

    /** A group of rows: {@code identity}, {@code relations} or {@code values} (the heading is a page text). */
    public record Section(String key, List<Row> rows) {}

    /** Who does what: for an action its actors ({@code ofAction}), for an actor its actions. */
    public record Participations(boolean ofAction, List<Participation> rows) {}

    public record Participation(Link other, List<Link> otherTypes, List<Link> roles, List<Source> sources, List<String> quotes) {}

    /** Where facts come from: sections of one source document (document null when a section belongs to none). */
    public record Source(Link document, List<Link> sections) {}

    /**
     * The resources pointing here by one property: a preview (or, in focus, one page of them) and the links to see
     * more.
     */
    public record InboundGroup(String property, String propertyIri, long count, List<InboundItem> items, String moreHref,
                               String previousHref, String nextHref, long from, long to) {}

    public record InboundItem(Link resource, String type) {}

    /** A link to another dataset: its name (Wikidata, ESCO, INSEE…), the code or identifier, the address. */
    public record ExternalLink(String target, String code, String href, String property) {}

    /** A canned query that applies to this resource: on the web page, and its data from the API (CSV, or Turtle). */
    public record QueryLink(String title, String pageHref, String dataHref, String dataFormat) {}

    /** The same description in an RDF format. */
    public record Alternate(String name, String href, String mediaType) {}
}
