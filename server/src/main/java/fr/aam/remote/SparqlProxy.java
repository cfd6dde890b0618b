package fr.aam.remote;

import fr.aam.sparql.guard.QueryGuard;
import fr.aam.sparql.guard.QueryRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.http.HttpLib;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /sparql} in remote mode: a read-only proxy to the engine's query endpoint (and, for the Graph Store Protocol's
 * {@code ?graph=} / {@code ?default} reads, to its graph store), after the same guard as the embedded endpoint's
 * (size, nesting, SERVICE policy, algebra depth, cap on results). A proxy rather than a redirect, so that the public
 * endpoint stays the one the VoID description and the web page give, the engine can stay on a private network, its
 * update and write endpoints stay unreachable from outside, and CORS and the query timeout stay ours. The engine's
 * answer (status, content type, body) is streamed back as it comes, in the format the client's {@code Accept} asked.
 */
@RestController
@Conditional(RemoteEngineConfigured.class)
public class SparqlProxy {

    private static final List<String> FORWARDED = List.of("default-graph-uri", "named-graph-uri");

    private final RemoteProperties remote;
    private final HttpClient client;
    private final Duration timeout;
    private final QueryGuard guard;

    public SparqlProxy(RemoteProperties remote, HttpClient remoteHttpClient, fr.aam.AamProperties props, QueryGuard guard) {
        this.remote = remote;
        this.client = remoteHttpClient;
        this.timeout = props.queryTimeout();
        this.guard = guard;
    }

    /** The public endpoint's guard, as on the embedded store: text, then algebra, and the cap on results (a LIMIT). */
    private Query guarded(String text) {
        try {
            guard.checkText(text);
            Query query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
            guard.checkAndBound(query);
            return query;
        } catch (QueryRefusedException e) {
            throw problem(HttpStatus.valueOf(e.status()), e.getMessage());
        } catch (QueryParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "SPARQL syntax error: " + e.getMessage());
        }
    }

    @RequestMapping(path = "/sparql", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<StreamingResponseBody> sparql(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        if (request.getParameter("update") != null || contentType.startsWith("application/sparql-update")) {
            throw problem(HttpStatus.BAD_REQUEST, "This endpoint is read-only: SPARQL Update is not accepted");
        }
        if ("GET".equals(request.getMethod()) && request.getParameter("query") == null
                && (request.getParameter("graph") != null || request.getParameter("default") != null)) {
            return graphStoreRead(request);
        }
        String text = contentType.startsWith("application/sparql-query")
            ? new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : request.getParameter("query");
        if (text == null) {
            throw problem(HttpStatus.BAD_REQUEST, "Missing query: send ?query=… (GET or form POST) or a POST of application/sparql-query");
        }
        StringJoiner form = new StringJoiner("&");
        form.add("query=" + enc(guarded(text).serialize()));
        for (String name : FORWARDED) {
            String[] values = request.getParameterValues(name);
            if (values != null) for (String v : values) form.add(name + "=" + enc(v));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(remote.queryEndpoint())).timeout(timeout)
            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        return forward(b, request);
    }

    private ResponseEntity<StreamingResponseBody> graphStoreRead(HttpServletRequest request) {
        if (!remote.canLoad()) throw problem(HttpStatus.NOT_FOUND, "No graph store is configured for this engine");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(remote.graphStore() + "?" + request.getQueryString()))
            .timeout(timeout).GET();
        return forward(b, request);
    }

    private ResponseEntity<StreamingResponseBody> forward(HttpRequest.Builder b, HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null) b.header(HttpHeaders.ACCEPT, accept);
        HttpResponse<InputStream> answer;
        try {   // Jena's HTTP execution: it answers the engine's authentication challenge (basic or digest)
            answer = HttpLib.execute(client, b.build());
        } catch (HttpException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpTimeoutException) throw problem(HttpStatus.SERVICE_UNAVAILABLE, "Query timed out");
            }
            throw problem(HttpStatus.BAD_GATEWAY, "The SPARQL engine did not answer");
        }
        StreamingResponseBody body = out -> { try (InputStream in = answer.body()) { in.transferTo(out); } };
        ResponseEntity.BodyBuilder r = ResponseEntity.status(answer.statusCode()).header("X-Max-Rows", Long.toString(guard.maxRows()));
        answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(ct -> r.header(HttpHeaders.CONTENT_TYPE, ct));
        return r.body(body);
    }

    /** Answered as problem details (RFC 9457) by Spring, like the API's errors. */
    private static ResponseStatusException problem(HttpStatus status, String detail) {
        return new ResponseStatusException(status, detail);
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
