package fr.aam.remote;

import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import fr.aam.sparql.UnsupportedQueryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.http.HttpLib;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Runs the application's queries on a remote SPARQL 1.1 engine (SPARQL 1.1 Protocol), with Jena's HTTP execution
 * ({@link HttpLib}: the engine's basic or digest challenge is answered from {@code AuthEnv}), Jena's substitution of
 * the parameters in the parsed query, and Jena's result and RDF readers chosen by the answer's content type.
 * <ul>
 * <li>Queries are sent as an HTML form POST: every engine takes it, whereas Virtuoso 7.2 never answers the protocol's
 * direct {@code application/sparql-query} POST (openlink/virtuoso-opensource#842), and a GET would limit the length.
 * <li>A query is given up at {@code aam.query-timeout} as an embedded query is ({@link QueryCancelledException}): the
 * answer's headers must come within it, and at the deadline the answer's stream is closed, which stops a read that
 * the engine keeps waiting (engines stream their results, so a header timeout alone would not bound a slow query).
 * Jena's own {@code QueryExecHTTP.abort()} cannot do this in Jena 5.6: its results are read from the raw stream, not
 * from its abortable view, so an aborted query waits for the engine to finish.
 * <li>An engine that fails or cannot be reached is a {@link RemoteEngineException} naming it.
 * <li>A query using jena-text's {@code text:query} is refused ({@link UnsupportedQueryException}): the engine has no
 * French text index.
 * </ul>
 */
public final class RemoteSparqlRunner implements SparqlRunner {

    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "remote-sparql-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final String endpoint;
    private final HttpClient client;
    private final Duration timeout;
    private final Function<SparqlRunner, Map<String, String>> prefixReader;
    private volatile Map<String, String> prefixes;

    /**
     * @param prefixReader reads the data's prefixes through this runner (an engine keeps none: they are recorded in
     *                     the metadata graph at load); called once, when first needed
     */
    public RemoteSparqlRunner(String endpoint, HttpClient client, Duration timeout,
                              Function<SparqlRunner, Map<String, String>> prefixReader) {
        this.endpoint = endpoint;
        this.client = client;
        this.timeout = timeout;
        this.prefixReader = prefixReader;
    }

    @Override
    public QueryResult run(Query query, Binding substitution) {
        refuseFullTextSearch(query);
        Query text = substitution.isEmpty() ? query : QueryTransformOps.replaceVars(query, asMap(substitution));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(timeout)
            .header("Accept", acceptHeader(query))
            .header("Content-Type", WebContent.contentTypeHTMLForm + ";charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(text.serialize(), StandardCharsets.UTF_8)))
            .build();
        Deadline deadline = new Deadline();
        try {
            HttpResponse<InputStream> response = HttpLib.execute(client, request);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = deadline.watch(HttpLib.handleResponseInputStream(response))) {
                return read(query, in, ContentType.create(contentType).getContentTypeStr());
            }
        } catch (IOException | RuntimeException e) {
            if (deadline.passed || causedByTimeout(e)) throw new QueryCancelledException();
            if (e instanceof HttpException http) throw new RemoteEngineException(endpoint, http);
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        } finally {
            deadline.cancel();
        }
    }

    /**
     * jena-text's {@code text:query} needs the embedded store's French full-text index, which a remote engine does not
     * have: sent as it is, it would be an ordinary triple pattern matching nothing — an empty answer that looks like
     * "no hit". Refused instead, with the reason (answered 501). Each engine's own text index has its own syntax.
     */
    private static void refuseFullTextSearch(Query query) {
        if (query.getQueryPattern() == null) return;
        boolean[] found = {false};
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override public void visit(ElementPathBlock block) {
                block.patternElts().forEachRemaining(tp -> {
                    Node p = tp.getPredicate();
                    if (p != null && p.isURI() && p.getURI().startsWith(TextQuery.NS)) found[0] = true;
                });
            }
        });
        if (found[0]) {
            throw new UnsupportedQueryException("La recherche plein texte (text:query) a besoin de l'index plein texte "
                + "du magasin intégré, que le moteur SPARQL distant de ce serveur n'a pas / full-text search "
                + "(text:query) needs the embedded store's French text index, which this server's remote SPARQL "
                + "engine does not have");
        }
    }

    private static String acceptHeader(Query query) {
        if (query.isSelectType()) return WebContent.defaultSparqlResultsHeader;
        if (query.isAskType()) return WebContent.defaultSparqlAskHeader;
        return WebContent.defaultGraphAcceptHeader;
    }

    private static QueryResult read(Query query, InputStream in, String contentType) {
        if (query.isSelectType()) {
            return QueryResult.ofRows(RowSetMem.create(RowSet.adapt(ResultSetMgr.read(in, resultsLang(contentType)))));
        }
        if (query.isAskType()) return QueryResult.ofAsk(ResultSetMgr.readBoolean(in, resultsLang(contentType)));
        Lang lang = RDFLanguages.contentTypeToLang(contentType);
        if (lang == null) throw new HttpException("answer in an unknown RDF format: " + contentType);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(in).lang(lang).parse(g);
        return QueryResult.ofGraph(g);
    }

    private static Lang resultsLang(String contentType) {
        Lang lang = WebContent.contentTypeToLangResultSet(contentType);
        if (lang == null) throw new HttpException("answer in an unknown results format: " + contentType);
        return lang;
    }

    private static Map<Var, Node> asMap(Binding b) {
        Map<Var, Node> m = new HashMap<>();
        b.forEach(m::put);
        return m;
    }

    private static boolean causedByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof HttpTimeoutException) return true;
        return false;
    }

    /** Closes the answer's stream at the deadline, which makes a read waiting on the engine end at once. */
    private final class Deadline {
        private final ScheduledFuture<?> task = DEADLINES.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
        private volatile InputStream stream;
        volatile boolean passed;

        InputStream watch(InputStream in) {
            stream = in;
            if (passed) expire();
            return in;
        }

        private void expire() {
            passed = true;
            InputStream s = stream;
            if (s != null) {
                try { s.close(); } catch (IOException ignored) { /* closing is all we want */ }
            }
        }

        void cancel() { task.cancel(false); }
    }

    @Override
    public Map<String, String> prefixes() {
        if (prefixes == null) prefixes = Map.copyOf(prefixReader.apply(this));
        return prefixes;
    }

    public String endpoint() { return endpoint; }
}
