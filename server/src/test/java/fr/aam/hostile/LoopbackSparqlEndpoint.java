package fr.aam.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.resultset.ResultsWriter;

/**
 * A second SPARQL endpoint on loopback, for federation tests: Jena evaluates each query it receives over a small
 * in-memory dataset and answers SPARQL JSON results. It counts every request, so a test can also prove that a request
 * to our server made it fetch nothing.
 */
final class LoopbackSparqlEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final DatasetGraph data = DatasetGraphFactory.createTxnMem();
    final AtomicInteger hits = new AtomicInteger();

    LoopbackSparqlEndpoint(String turtle) {
        RDFParser.fromString(turtle, Lang.TURTLE).parse(data.getDefaultGraph());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql"; }

    private void answer(HttpExchange ex) throws IOException {
        hits.incrementAndGet();
        String params = "GET".equals(ex.getRequestMethod()) ? ex.getRequestURI().getRawQuery()
            : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = null;
        if (params != null) {
            for (String p : params.split("&")) {
                if (p.startsWith("query=")) query = URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8);
            }
        }
        if (query == null || !ex.getRequestURI().getPath().equals("/sparql")) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExec qe = QueryExec.dataset(data).query(QueryFactory.create(query)).build()) {
            RowSet rows = qe.select();
            ResultsWriter.create().lang(ResultSetLang.RS_JSON).build().write(out, rows);
        }
        ex.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
        ex.sendResponseHeaders(200, out.size());
        ex.getResponseBody().write(out.toByteArray());
        ex.close();
    }

    @Override
    public void close() { server.stop(0); }
}
