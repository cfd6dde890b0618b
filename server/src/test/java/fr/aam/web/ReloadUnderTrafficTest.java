package fr.aam.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reloads under traffic, over HTTP: clients query {@code /sparql} (Fuseki) and the canned-query API without pause
 * while the admin API reloads the data back and forth between two versions, some reloads failing. No query fails,
 * and every answer is entirely the old data or entirely the new (two facts changed together are seen together).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReloadUnderTrafficTest {

    static final String PASSWORD = "reload-test";
    static final Path HOME = copy();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        r.add("aam.home", HOME::toString);
        r.add("aam.store", () -> HOME.resolve("store").toString());
        r.add("aam.admin.password-hash", () -> new BCryptPasswordEncoder(4).encode(PASSWORD));
    }

    @LocalServerPort int port;

    @Test
    void queriesDuringReloadsNeverFailAndSeeOldOrNewData() throws Exception {
        Path levers = HOME.resolve("data/levers.ttl");
        String original = Files.readString(levers);
        String marked = original + "\nlever:image rdfs:comment \"marque A\"@fr .\nlever:recrutement rdfs:comment \"marque B\"@fr .\n";
        String broken = original + "\nlever:broken skos:prefLabel ] .\n";
        String count = "SELECT (COUNT(?c) AS ?n) WHERE { ?l <http://www.w3.org/2000/01/rdf-schema#comment> ?c "
            + "FILTER(STRSTARTS(STR(?c), \"marque \")) }";
        HttpClient client = HttpClient.newHttpClient();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answers = new AtomicInteger();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boolean viaApi = i == 2;
            readers.add(new Thread(() -> {
                while (!stop.get()) {
                    try {
                        String uri = viaApi ? "/api/queries/sources" : "/sparql?query=" + URLEncoder.encode(count, StandardCharsets.UTF_8);
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                            .header("Accept", viaApi ? "application/json" : "text/csv").build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 503) continue;   // admission: busy, retry (not a failed query)
                        if (r.statusCode() != 200) problems.add(r.statusCode() + " " + r.body());
                        else if (!viaApi && !r.body().matches("(?s)n\\r?\\n[02]\\r?\\n")) problems.add("mixed answer: " + r.body());
                        answers.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        problems.add(e.toString());
                    }
                }
            }));
        }
        readers.forEach(Thread::start);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            for (String content : List.of(marked, original, broken, marked, broken, original, marked)) {
                Files.writeString(levers, content);
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/reload"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(content == broken ? 422 : 200);
            }
        } finally {
            stop.set(true);
            for (Thread t : readers) t.join(60_000);
        }
        assertThat(problems).isEmpty();
        assertThat(answers.get()).isGreaterThan(30);
        HttpResponse<String> last = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sparql?query="
            + URLEncoder.encode(count, StandardCharsets.UTF_8))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(last.body()).as("the last reload (marked) is served").matches("(?s)n\\r?\\n2\\r?\\n");
    }

    private static Path copy() {
        try {
            Path home = Files.createTempDirectory("aam-reload-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(home.toFile())));
            return ProjectGraph.copyWorkingCopy(home, "ontology", "data", "queries");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
