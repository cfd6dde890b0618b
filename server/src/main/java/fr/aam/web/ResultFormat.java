package fr.aam.web;

import fr.aam.web.conneg.Format;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.springframework.http.MediaType;

/**
 * The formats of the canned-query API: rows, SPARQL JSON/XML, CSV, TSV for SELECT and ASK; Turtle, JSON-LD,
 * N-Triples, RDF/XML for CONSTRUCT and DESCRIBE. The choice itself is {@link fr.aam.web.conneg.ContentNegotiation}'s.
 */
public enum ResultFormat {
    ROWS(Format.ROWS), JSON(Format.JSON), XML(Format.XML), CSV(Format.CSV), TSV(Format.TSV),
    TURTLE(Format.TURTLE), JSONLD(Format.JSONLD), NTRIPLES(Format.NTRIPLES), RDFXML(Format.RDFXML);

    static final List<Format> ROWS_OFFER = List.of(Format.ROWS, Format.JSON, Format.XML, Format.CSV, Format.TSV);

    final Format format;
    final MediaType mediaType;
    final Lang lang;

    ResultFormat(Format format) {
        this.format = format;
        this.mediaType = MediaType.parseMediaType(format.contentType());
        this.lang = format.lang();
    }

    /** What the API offers for a query of this form, in order of preference (the first is the default). */
    static List<Format> offer(boolean graph) { return graph ? Format.GRAPH : ROWS_OFFER; }

    static ResultFormat of(Format f) {
        for (ResultFormat r : values()) if (r.format == f) return r;
        throw new IllegalArgumentException("not an API format: " + f);
    }
}
