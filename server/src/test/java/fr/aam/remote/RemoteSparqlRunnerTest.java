package fr.aam.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the remote runner behaves when the engine does not behave, against real HTTP servers on loopback (the JDK's):
 * one that never answers, one that answers its headers and then trickles its results, one that fails, and none at
 * all. A query is given up at {@code aam.query-timeout} either way, as an embedded query is; a failing engine is named.
 */
class RemoteSparqlRunnerTest {

    static final Query QUERY = QueryFactory.create("SELECT ?s WHERE { ?s ?p ?o }");
    static HttpServer server;
    static HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void engines() throws Exception {
        server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> { Thread t = new Thread(r); t.setDaemon(true); return t; }));
        server.createContext("/silent", x -> sleep(30_000));
        server.createContext("/trickling", x -> {
            x.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write("{ \"head\": { \"vars\": [ \"s\" ] }, \"results\": { \"bindings\": [".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 300; i++) {
                    out.write(((i == 0 ? "" : ",") + "{ \"s\": { \"type\": \"uri\", \"value\": \"urn:x:" + i + "\" } }").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sleep(100);
                }
            } catch (java.io.IOException closedByClient) { /* the runner gave up: expected */ }
        });
        server.createContext("/failing", x -> { x.sendResponseHeaders(500, -1); x.close(); });
        server.start();
    }

    @AfterAll
    static void stop() { server.stop(0); }

    @Test
    void anEngineThatNeverAnswersIsGivenUpAtTheTimeout() {
        assertCancelledWithin("/silent", Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    @Test
    void anEngineThatTricklesItsResultsIsGivenUpAtTheTimeoutToo() {
        assertCancelledWithin("/trickling", Duration.ofMillis(800), Duration.ofSeconds(5));
    }

    @Test
    void aFailingOrAbsentEngineIsNamedWithItsStatus() {
        assertThatThrownBy(() -> runner("http://127.0.0.1:" + server.getAddress().getPort() + "/failing", Duration.ofSeconds(5)).run(QUERY, BindingFactory.empty()))
            .isInstanceOf(RemoteEngineException.class).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> runner("http://127.0.0.1:" + EngineProcess.freePort() + "/sparql", Duration.ofSeconds(5)).run(QUERY, BindingFactory.empty()))
            .isInstanceOf(RemoteEngineException.class).hasMessageContaining("did not answer");
    }

    private static void assertCancelledWithin(String path, Duration timeout, Duration limit) {
        RemoteSparqlRunner r = runner("http://127.0.0.1:" + server.getAddress().getPort() + path, timeout);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> r.run(QUERY, BindingFactory.empty())).isInstanceOf(QueryCancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(timeout).isLessThan(limit);
    }

    private static RemoteSparqlRunner runner(String endpoint, Duration timeout) {
        return new RemoteSparqlRunner(endpoint, client, timeout, x -> Map.of());
    }

    private static void sleep(long millis) {
        try { Thread.sleep(millis); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
