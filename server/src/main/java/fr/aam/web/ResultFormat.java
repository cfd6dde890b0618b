package fr.aam.web;

import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.springframework.http.MediaType;

/** The formats of the canned-query API, chosen by {@code format=} or by the Accept header. */
public enum ResultFormat {
    ROWS("rows", "application/json", null, false),
    JSON("json", "application/sparql-results+json", ResultSetLang.RS_JSON, false),
    XML("xml", "application/sparql-results+xml", ResultSetLang.RS_XML, false),
    CSV("csv", "text/csv", ResultSetLang.RS_CSV, false),
    TSV("tsv", "text/tab-separated-values", ResultSetLang.RS_TSV, false),
    TURTLE("turtle", "text/turtle", Lang.TURTLE, true),
    JSONLD("jsonld", "application/ld+json", Lang.JSONLD, true),
    NTRIPLES("ntriples", "application/n-triples", Lang.NTRIPLES, true);

    final String name;
    final MediaType mediaType;
    final Lang lang;
    final boolean forGraphs;

    ResultFormat(String name, String mediaType, Lang lang, boolean forGraphs) {
        this.name = name;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.lang = lang;
        this.forGraphs = forGraphs;
    }

    static List<String> names(boolean graphs) {
        return java.util.Arrays.stream(values()).filter(f -> f.forGraphs == graphs).map(f -> f.name).toList();
    }

    /** {@code format=} wins; else the first acceptable type of the Accept header; else rows (or Turtle for graphs). */
    static ResultFormat choose(String format, List<MediaType> accept, boolean graph) {
        if (format != null && !format.isBlank()) {
            for (ResultFormat f : values()) {
                if (f.name.equals(format.toLowerCase(Locale.ROOT)) && f.forGraphs == graph) return f;
            }
            throw new fr.aam.queries.BadParameterException("format", "expected one of " + names(graph));
        }
        org.springframework.util.MimeTypeUtils.sortBySpecificity(accept);
        for (MediaType m : accept) {
            for (ResultFormat f : values()) {
                if (f.forGraphs == graph && !m.isWildcardType() && m.isCompatibleWith(f.mediaType)) return f;
            }
        }
        return graph ? TURTLE : ROWS;
    }
}
