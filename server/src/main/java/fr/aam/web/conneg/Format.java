package fr.aam.web.conneg;

import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * Every representation the server can answer, with the names a client may use for it: the {@code format=} token,
 * the media type and the file extensions. Media types and extensions are Jena's own ({@link Lang}, registered in
 * {@code RDFLanguages} and {@code ResultSetLang}); only HTML and the API's simple JSON rows are the server's.
 */
public enum Format {
    HTML("html", WebContent.contentTypeHTML, null, List.of("html")),
    TURTLE("turtle", null, Lang.TURTLE, null),
    JSONLD("jsonld", null, Lang.JSONLD, null),
    NTRIPLES("ntriples", null, Lang.NTRIPLES, null),
    RDFXML("rdfxml", null, Lang.RDFXML, List.of("rdf")),
    TRIG("trig", null, Lang.TRIG, null),
    NQUADS("nquads", null, Lang.NQUADS, null),
    /** The canned-query API's simple JSON: {@code {columns, rows:[{var: value}]}}. */
    ROWS("rows", WebContent.contentTypeJSON, null, List.of("json")),
    JSON("json", null, ResultSetLang.RS_JSON, null),
    XML("xml", null, ResultSetLang.RS_XML, null),
    CSV("csv", null, ResultSetLang.RS_CSV, null),
    TSV("tsv", null, ResultSetLang.RS_TSV, null);

    /** RDF graphs: resource descriptions, class indexes, the ontology, the dataset description. */
    public static final List<Format> GRAPH = List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);
    /** A page for people first, then the graph formats. */
    public static final List<Format> PAGE_OR_GRAPH = List.of(HTML, TURTLE, JSONLD, NTRIPLES, RDFXML);

    private final String token;
    private final String mediaType;
    private final Lang lang;
    private final List<String> extensions;

    Format(String token, String mediaType, Lang lang, List<String> extensions) {
        this.token = token;
        this.lang = lang;
        this.mediaType = mediaType != null ? mediaType : lang.getContentType().getContentTypeStr();
        this.extensions = extensions != null ? extensions : lang.getFileExtensions();
    }

    /** The value of {@code format=} that selects it. */
    public String token() { return token; }

    /** The media type, without parameters. */
    public String mediaType() { return mediaType; }

    /** The Content-Type header: text types say their charset, always UTF-8, so no browser guesses Latin-1. */
    public String contentType() {
        return mediaType.startsWith("text/") ? mediaType + ";charset=utf-8" : mediaType;
    }

    /** Jena's language for writing it (null for HTML and rows). */
    public Lang lang() { return lang; }

    /** The preferred file extension ({@code /id/initiative/actiduo.ttl}). */
    public String extension() { return extensions.get(0); }

    public boolean hasExtension(String ext) { return extensions.contains(ext.toLowerCase(Locale.ROOT)); }

    /** Whether {@code name} designates this format: its token, one of its extensions or its media type. */
    public boolean isNamed(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals(token) || extensions.contains(n) || n.equals(mediaType);
    }
}
