package fr.aam.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The server as a real process, killed with SIGKILL in the middle of a load at start, of an upload and of a backup:
 * the next start always serves a consistent store — the data from before or from after, complete, never a mix — and
 * nothing half-written is served or listed. A second server started on the same store is refused and deletes nothing.
 */
class CrashSafetyTest {

    static final String PASSWORD = "crash-test";

    @TempDir Path tmp;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The working copy's data, copied: the tests change it. */
    private Path home;
    /** The store every server of a test starts on. */
    private Path store;

    @BeforeEach
    void copyHome() throws IOException {
        home = ProjectGraph.copyWorkingCopy(tmp.resolve("home"), "ontology", "data", "queries");
        store = tmp.resolve("store");
    }

    @AfterEach
    void killAll() { processes.forEach(Process::destroyForcibly); }

    @Test
    void killedDuringTheLoadAtStartThenRestarted() throws Exception {
        Server first = start();
        first.awaitUp();
        String before = first.dump();
        first.kill();

        Files.writeString(home.resolve("data/levers.ttl"), "\nlever:image rdfs:comment \"après\"@fr .\n", StandardOpenOption.APPEND);
        Server interrupted = start();
        interrupted.awaitLog("Building|Built store generation|Tomcat initialized", 60);   // the new generation is being built
        Thread.sleep(300);
        interrupted.kill();

        Server again = start();
        again.awaitUp();
        String after = again.dump();
        assertThat(after).isNotEqualTo(before).contains("après");
        try (var s = Files.list(store)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("gen-")).count()).as("leftovers removed").isEqualTo(1);
        }
        again.kill();
    }

    @Test
    void killedDuringAnUploadThenDuringABackup() throws Exception {
        Server server = start();
        server.awaitUp();
        String before = server.dump();
        String changed = Files.readString(home.resolve("data/levers.ttl")) + "\nlever:image rdfs:comment \"téléversé\"@fr .\n";
        CompletableFuture<HttpResponse<String>> upload = http.sendAsync(HttpRequest.newBuilder(server.uri("/admin/graphs/levers"))
            .header("Authorization", basic()).header("Content-Type", "text/turtle")
            .PUT(HttpRequest.BodyPublishers.ofString(changed)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(400);
        server.kill();
        upload.handle((r, e) -> null).get();

        Server restarted = start();
        restarted.awaitUp();
        String after = restarted.dump();
        boolean uploaded = after.contains("téléversé");
        assertThat(uploaded ? Files.readString(home.resolve("data/levers.ttl")) : after)
            .as("either the upload is complete (file and store) or nothing of it is there")
            .isEqualTo(uploaded ? changed : before);

        CompletableFuture<HttpResponse<String>> backup = http.sendAsync(HttpRequest.newBuilder(restarted.uri("/admin/backups"))
            .header("Authorization", basic()).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(150);
        restarted.kill();
        backup.handle((r, e) -> null).get();

        Server last = start();
        last.awaitUp();
        assertThat(last.dump()).isEqualTo(after);
        HttpResponse<String> backups = http.send(HttpRequest.newBuilder(last.uri("/admin/backups")).header("Authorization", basic()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(backups.statusCode()).isEqualTo(200);
        assertThat(backups.body()).doesNotContain(".tmp");
        last.kill();
    }

    @Test
    void aSecondServerOnTheSameStoreIsRefusedAndTheFirstKeepsServing() throws Exception {
        Server first = start();
        first.awaitUp();
        String before = first.dump();

        Server second = start();
        assertThat(second.process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the second server stops: %s", second.tail()).isTrue();
        assertThat(second.process.exitValue()).isNotZero();
        assertThat(second.tail()).contains("APPLICATION FAILED TO START").contains("is in use by another process")
            .contains("Stop the other server").doesNotContain("rebuilding from the files").doesNotContain("\tat ");

        assertThat(first.dump()).as("the first server's data, untouched").isEqualTo(before);
        try (var s = Files.list(store)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("gen-")).count()).isEqualTo(1);
        }
        first.kill();
    }

    // ------------------------------------------------------------------ a server process

    final class Server {
        final Process process;
        final int port;
        final Path log;

        Server(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

        void awaitUp() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("server process alive (log: %s)", tail()).isTrue();
                try {
                    if (http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new AssertionError("server not up in time: " + tail());
        }

        void awaitLog(String regex, int seconds) throws Exception {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < deadline) {
                if (Files.exists(log) && p.matcher(Files.readString(log)).find()) return;
                Thread.sleep(50);
            }
            throw new AssertionError("no '" + regex + "' in the log: " + tail());
        }

        String dump() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/dumps/attractivite-autonomie.nq")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        String tail() {
            try {
                String s = Files.readString(log);
                return s.substring(Math.max(0, s.length() - 3000));
            } catch (IOException e) {
                return "(no log)";
            }
        }
    }

    private Server start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Path log = tmp.resolve("server-" + processes.size() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "fr.aam.AamApplication",
            "--server.port=" + port, "--aam.home=" + home, "--aam.store=" + store,
            "--aam.admin.password-hash=" + new BCryptPasswordEncoder(4).encode(PASSWORD))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(p);
        return new Server(p, port, log);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
