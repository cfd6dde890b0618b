package fr.aam.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.aam.sparql.NodeText;
import fr.aam.sparql.QueryResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;

/** The simple JSON of the API: {@code {query, total, limit, offset, columns, rows:[{var: value}]}}, values as strings. */
final class RowsJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RowsJson() {}

    static byte[] write(String id, QueryResult r, long total, long limit, long offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("query", id);
            if (r.ask() != null) {
                g.writeBooleanField("boolean", r.ask());
            } else {
                g.writeNumberField("total", total);
                g.writeNumberField("limit", limit);
                g.writeNumberField("offset", offset);
                g.writeArrayFieldStart("columns");
                for (Var v : r.rows().getResultVars()) g.writeString(v.getVarName());
                g.writeEndArray();
                g.writeArrayFieldStart("rows");
                r.rows().forEachRemaining(b -> {
                    try {
                        g.writeStartObject();
                        for (Var v : r.rows().getResultVars()) {
                            Node n = b.get(v);
                            if (n != null) g.writeStringField(v.getVarName(), NodeText.of(n));
                        }
                        g.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
