package fr.aam.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.shared.PrefixMapping;

/** The server's own queries (allowed values, row counts, resource pages), kept as .rq files in resources/sparql/. */
public final class InternalQueries {

    private InternalQueries() {}

    public static Query load(String name) {
        return QueryFactory.create(text(name));
    }

    /**
     * A query whose prefixes (typically {@code aam:}, from {@code aam.base-iri}) are supplied by the server, so that
     * the file never spells the public base IRI.
     */
    public static Query load(String name, PrefixMapping predeclared) {
        Query q = new Query();
        q.setPrefixMapping(PrefixMapping.Factory.create().setNsPrefixes(predeclared));
        return QueryFactory.parse(q, text(name), null, Syntax.syntaxSPARQL_11);
    }

    private static String text(String name) {
        try (InputStream in = InternalQueries.class.getResourceAsStream("/sparql/" + name)) {
            if (in == null) throw new IllegalStateException("Missing internal query " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
