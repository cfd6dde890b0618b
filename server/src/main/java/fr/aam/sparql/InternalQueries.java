package fr.aam.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/** The server's own queries (allowed values, row counts, resource pages), kept as .rq files in resources/sparql/. */
public final class InternalQueries {

    private InternalQueries() {}

    public static Query load(String name) {
        try (InputStream in = InternalQueries.class.getResourceAsStream("/sparql/" + name)) {
            if (in == null) throw new IllegalStateException("Missing internal query " + name);
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
