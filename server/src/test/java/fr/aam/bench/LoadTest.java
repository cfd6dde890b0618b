package fr.aam.bench;

import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The load command (docs/load/README.md): {@code mvn -pl server -Pbenchmark verify -Dbench.mode=load}. The packaged
 * server runs as a separate process on the real graph; clients on loopback send it the mixed workload of
 * {@code load/mix.yml} — cheap and costly canned queries through the API, raw SPARQL on {@code /sparql}, hostile
 * queries the guard must bound — at 1, 8, 32 and 128 at once, each level for a fixed window. Per level: requests/s,
 * latencies, 503s, errors by kind, the server's resident memory and heap, and whether it still answers a trivial
 * {@code ASK} promptly once the level is over. Then a saturation scenario: as many clients as there are query slots
 * send a query only its timeout stops, while others send cheap requests. Results go to {@code docs/load/results.md}
 * and {@code .csv}.
 * {@code -Dbench.smoke=true}: two short levels, written under server/target/ only; {@code -Dbench.load.seconds=N}
 * sets the window (30 s).
 */
public final class LoadTest {

    static final int[] CLIENTS = {1, 8, 32, 128};
    /** An ASK answered later than this after a level means the server has not recovered. */
    static final Duration PROMPT = Duration.ofSeconds(1);
    private static final String TRIVIAL_ASK = "load/trivial-ask.rq";
    private static final Pattern LOG_LEVEL = Pattern.compile("^\\S+\\s+(ERROR|WARN)\\s+\\d+\\s+---\\s+\\[.*?\\]\\s+(\\S+)\\s*:\\s*(.*)$");

    private final boolean smoke;
    private final Path repo = ProjectGraph.home();
    private final Path work;
    private final Path home;
    private final Path logs;
    private final Path jar;
    private final Report report = new Report();
    private final HttpClient http = client();
    private final HttpClient probes = client();   // the probes' own connections, not queued behind the clients'

    LoadTest(boolean smoke) {
        this.smoke = smoke;
        this.work = repo.resolve("server/target/load" + (smoke ? "-smoke" : ""));
        this.home = work.resolve("home");
        this.logs = work.resolve("logs");
        this.jar = repo.resolve("server/target/server-0.1.0-SNAPSHOT.jar");
    }

    void run() throws Exception {
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " absent: run through mvn -Pbenchmark verify");
        String loadBefore = Benchmark.loadAverage();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(logs);
        ProjectGraph.copyWorkingCopy(home, "ontology", "data", "queries");
        Duration window = Duration.ofSeconds(smoke ? 3 : Long.getLong("bench.load.seconds", 30));
        int[] levels = smoke ? new int[] {1, 8} : CLIENTS;

        step("starting the server on the real graph");
        List<String> app = List.of("--aam.home=" + home, "--aam.store=" + work.resolve("store"),
            "--logging.level.root=WARN", "--logging.level.fr.aam=INFO");
        try (ServerProcess s = ServerProcess.start(List.of(), List.of("-jar", jar.toString()), app, logs, "server", Duration.ofMinutes(10))) {
            List<ClientLoad.Request> mix = mix(s);
            HttpRequest ask = sparql(s, resource(TRIVIAL_ASK), "application/sparql-results+json", Duration.ofMinutes(2));
            String maxHeap = s.vmFlag("MaxHeapSize");

            step("warm-up: 4 clients");
            ClientLoad.run(http, mix, 4, smoke ? Duration.ofSeconds(2) : Duration.ofSeconds(15), 1);
            s.collectGarbage();
            ServerProcess.Heap idleHeap = s.heapSince(0);
            ServerProcess.Resident idle = s.resident();

            describe(mix, window, maxHeap, idleHeap, idle);
            Report.Table levelsTable = report.table("levels", "clients", "requests", "requests/s", "as expected", "as expected/s", "503 admission",
                "503 share %", "503 timeout or memory", "errors", "errors by kind", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "p99 as expected ms", "drain ms");
            List<Object[]> serverRows = new ArrayList<>();
            Map<Integer, ClientLoad.Result> results = new LinkedHashMap<>();
            for (int clients : levels) {
                step(clients + " clients, " + window.toSeconds() + " s");
                int mark = s.gcLogMark();
                Sampler sampler = new Sampler(s);
                sampler.start();
                ClientLoad.Result r = ClientLoad.run(http, mix, clients, window, 42L + clients);
                sampler.finish();
                Probe after = probe(ask);
                ServerProcess.Resident rssAfter = s.resident();
                s.collectGarbage();
                ServerProcess.Heap heap = s.heapSince(mark);
                ClientLoad.Tally t = r.total();
                levelsTable.row(clients, t.count(), r.requestsPerSecond(), t.asExpected, r.asExpectedPerSecond(), t.busy, share(t.busy, t.count()), t.unavailable,
                    t.errors(), t.errorKinds(), t.all.ms(50), t.all.ms(95), t.all.ms(99), t.all.ms(100), t.expected.ms(99),
                    r.drain().toNanos() / 1e6);
                serverRows.add(new Object[] {clients, sampler.maxRssMb, rssAfter.rssMb(), heap.peakMb(), heap.afterLastGcMb(), heap.committedMb(),
                    (long) heap.collections(), (long) sampler.maxThreads, sampler.health.ms(50), sampler.health.ms(100), sampler.healthFailures, after.maxMs, after.failures});
                results.put(clients, r);
                if (!s.alive()) {
                    report.text(String.format(Locale.ROOT, "%n**The server stopped during the level of %d clients**: see %s.%n", clients, s.log()));
                    break;
                }
                System.out.printf(Locale.ROOT, "  %d clients: %.1f req/s, p99 %.0f ms, 503 %d, errors %s; ASK after %.0f ms%n", clients,
                    r.requestsPerSecond(), t.all.ms(99), t.busy + t.unavailable, t.errorKinds(), after.maxMs);
            }
            report.text("\n### The server during and after each level\n");
            report.text("Resident memory sampled every 250 ms from `/proc/<pid>/status` during the level, and once after it; heap "
                + "from the GC log: the largest heap in use before a collection during the level, and the heap in use after a full "
                + "collection forced once the level was over (`jcmd <pid> GC.run`: the live data), with the heap's size then. "
                + "Health: `GET /actuator/health` every 250 ms during the level (it never waits for a query slot). ASK after: "
                + "the slowest of 5 `ASK {}` on `/sparql`, one after the other, once the level's last request was answered.\n");
            Report.Table server = report.table("server", "clients", "RSS max MB", "RSS after MB", "heap peak MB", "live heap after MB",
                "heap size MB", "collections", "threads max", "health p50 ms", "health max ms", "health failures", "ASK after ms", "ASK failures");
            for (Object[] row : serverRows) server.row(row);

            report.heading("Each kind of request");
            report.text("The same runs, per kind of request (see `load/mix.yml`).");
            Report.Table kinds = report.table("requests", "clients, request", "requests", "as expected", "503 admission",
                "503 timeout or memory", "errors", "p50 ms", "p99 ms", "max ms");
            for (var level : results.entrySet()) {
                for (var k : level.getValue().byName().entrySet()) {
                    ClientLoad.Tally t = k.getValue();
                    kinds.row(level.getKey() + ", " + k.getKey(), t.count(), t.asExpected, t.busy, t.unavailable, t.errors(),
                        t.all.ms(50), t.all.ms(99), t.all.ms(100));
                }
            }
            if (s.alive()) saturation(s, mix, ask, smoke ? Duration.ofSeconds(5) : Duration.ofSeconds(45));
            serverLog(s.log());
            report.heading("Machine");
            report.text(Benchmark.machine(repo, loadBefore).stripTrailing()
                + String.format(Locale.ROOT, "%n- the server: `java -jar` with the JVM's default heap (MaxHeapSize %s), the settings of "
                    + "`application.yml`; the clients in the benchmark's JVM on the same machine (they share its 2 cores)%n", maxHeap));
        }
        String name = "results";
        Path out = smoke ? work : repo.resolve("docs/load");
        report.write(out.resolve(name + ".md"), out.resolve(name + ".csv"),
            "Load test on the real graph" + (smoke ? " (smoke run: short levels, figures not meaningful)" : ""));
        step("written " + out.resolve(name + ".md"));
    }

    // ------------------------------------------------------------------ the workload

    private void describe(List<ClientLoad.Request> mix, Duration window, String maxHeap, ServerProcess.Heap idleHeap,
                          ServerProcess.Resident idle) throws IOException {
        report.heading("Workload");
        int total = mix.stream().mapToInt(ClientLoad.Request::weight).sum();
        StringBuilder kinds = new StringBuilder();
        for (Map<String, Object> e : entries()) {
            kinds.append(String.format(Locale.ROOT, "%n| %s | %s | %s | %.0f %% | %s |", e.get("name"), e.get("cost"),
                e.containsKey("api") ? "API `" + e.get("api") + "`" : "`/sparql` `" + e.get("sparql") + "`",
                100.0 * ((Number) e.get("weight")).intValue() / total, expectation(e)));
        }
        report.text("Each client sends requests back to back, each drawn at random with these weights (`server/src/test/resources/"
            + "load/mix.yml`; the SPARQL files are beside it):\n\n| request | cost | what | share | expected answer |\n|---|---|---|---:|---|"
            + kinds + "\n");
        report.text(String.format(Locale.ROOT, "Levels of %s clients, %d s each, one after the other on the same server, after a "
            + "warm-up of 4 clients. Requests/s counts the answers completed within the window; the latencies cover every request "
            + "sent within it, including those answered after it (drain: how long after the window the last one took). The "
            + "clients do not wait the `Retry-After` of a 503: a refused client asks again at once (the worst case), so past the "
            + "admission's capacity the count of 503s measures how fast refusals come back, and the answers as expected per "
            + "second are the useful throughput. "
            + "**503 admission**: refused by the admission filter (its `Retry-After: 2`); **503 timeout or memory**: a query "
            + "stopped by its timeout or the memory guard; **errors**: anything else than the expected answer — another status, "
            + "the wrong number of rows, a client timeout (2 min), a connection refused, reset or cut. "
            + "After the warm-up and a full collection the server held %,d MB of live heap (size %,d MB) and %,d MB resident.%n",
            joined(), window.toSeconds(), idleHeap.afterLastGcMb(), idleHeap.committedMb(), idle.rssMb()));
        report.heading("Per level");
    }

    private String joined() {
        int[] levels = smoke ? new int[] {1, 8} : CLIENTS;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < levels.length; i++) s.append(i == 0 ? "" : i == levels.length - 1 ? " and " : ", ").append(levels[i]);
        return s.toString();
    }

    private static String expectation(Map<String, Object> e) {
        String status = String.valueOf(e.getOrDefault("status", 200));
        return e.containsKey("rows") ? status + " with exactly " + String.format(Locale.ROOT, "%,d", ((Number) e.get("rows")).longValue()) + " rows" : status;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(resource("load/mix.yml"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries() throws IOException { return (List<Map<String, Object>>) document().get("requests"); }

    /** The mix of {@code load/mix.yml} as requests to this server. */
    private static List<ClientLoad.Request> mix(ServerProcess s) throws IOException {
        List<ClientLoad.Request> mix = new ArrayList<>();
        for (Map<String, Object> e : entries()) mix.add(request(s, e));
        return mix;
    }

    private static ClientLoad.Request request(ServerProcess s, Map<String, Object> e) throws IOException {
        Duration timeout = Duration.ofMinutes(2);
        String accept = (String) e.getOrDefault("accept", "text/tab-separated-values");
        HttpRequest r = e.containsKey("api")
            ? HttpRequest.newBuilder(URI.create(s.url((String) e.get("api")))).header("Accept", accept).timeout(timeout).build()
            : sparql(s, resource("load/" + e.get("sparql")), accept, timeout);
        int status = ((Number) e.getOrDefault("status", 200)).intValue();
        long rows = e.containsKey("rows") ? ((Number) e.get("rows")).longValue() : -1;
        return new ClientLoad.Request((String) e.get("name"), r, status, rows, ((Number) e.get("weight")).intValue());
    }

    // ------------------------------------------------------------------ saturation

    /**
     * As many clients as there are query slots send a query that only its timeout stops, while other clients send
     * cheap requests: what the others get while every slot is held.
     */
    @SuppressWarnings("unchecked")
    private void saturation(ServerProcess s, List<ClientLoad.Request> mix, HttpRequest ask, Duration window) throws Exception {
        Map<String, Object> sat = (Map<String, Object>) document().get("saturation");
        Map<String, Object> hostileEntry = (Map<String, Object>) sat.get("hostile");
        ClientLoad.Request hostile = request(s, hostileEntry);
        List<String> names = (List<String>) sat.get("others");
        List<ClientLoad.Request> others = mix.stream().filter(r -> names.contains(r.name())).toList();
        int hostileClients = ((Number) sat.get("clients")).intValue();
        int otherClients = ((Number) sat.get("other-clients")).intValue();
        step("saturation: " + hostileClients + " clients sending " + hostile.name() + ", " + otherClients + " sending " + names);
        var hogs = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ClientLoad.run(http, List.of(hostile), hostileClients, window, 7);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);   // the hostile queries take the slots first
        ClientLoad.Result victims = ClientLoad.run(http, others, otherClients, window.minusMillis(500), 8);
        ClientLoad.Result hostileResult = hogs.get();
        Probe after = probe(ask);

        report.heading("Saturation: raw queries that only their timeout stops, as many as there are query slots");
        report.text(String.format(Locale.ROOT, "%d clients send `%s` (`load/%s`) on `/sparql` back to back for %d s; half a "
            + "second later %d other clients start sending cheap requests (%s) for the rest of the window. The server runs at "
            + "most `aam.limits.concurrent-queries` queries at once, of which raw `/sparql` at most `aam.limits.sparql-queries`: "
            + "the question is what the cheap requests get while the hostile ones hold every slot they may.%n", hostileClients,
            hostile.name(), hostileEntry.get("sparql"), window.toSeconds(), otherClients, String.join(", ", names)));
        Report.Table t = report.table("saturation", "request", "requests", "as expected", "as expected/s", "503 admission",
            "503 timeout or memory", "errors", "p50 ms", "p99 ms", "max ms");
        addRow(t, hostile.name() + " (" + hostileClients + " clients)", hostileResult.total(), hostileResult.window());
        for (var k : victims.byName().entrySet()) addRow(t, k.getKey() + " (with " + otherClients + " clients)", k.getValue(), victims.window());
        report.text(String.format(Locale.ROOT, "%nAfter the window, once the hostile queries had ended: `ASK {}` answered in %.0f ms at "
            + "worst (%d failures of 5).%n", after.maxMs, after.failures));
        System.out.printf(Locale.ROOT, "  saturation: cheap requests %.1f as expected/s, %d 503 of %d%n", victims.asExpectedPerSecond(),
            victims.total().busy + victims.total().unavailable, victims.total().count());
    }

    private static void addRow(Report.Table t, String name, ClientLoad.Tally k, Duration window) {
        t.row(name, k.count(), k.asExpected, k.asExpected / (window.toNanos() / 1e9), k.busy, k.unavailable, k.errors(),
            k.all.ms(50), k.all.ms(99), k.all.ms(100));
    }

    private static HttpRequest sparql(ServerProcess s, String query, String accept, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(s.url("/sparql"))).header("Content-Type", "application/sparql-query")
            .header("Accept", accept).timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(query)).build();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LoadTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------ the server's state

    /** The slowest of a few trivial requests sent one after the other, and how many were not answered 200. */
    private record Probe(double maxMs, long failures) {}

    private Probe probe(HttpRequest ask) {
        double max = 0;
        long failures = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try {
                if (probes.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) failures++;
            } catch (IOException e) {
                failures++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures++;
            }
            max = Math.max(max, (System.nanoTime() - t0) / 1e6);
        }
        return new Probe(max, failures);
    }

    /** Samples the server's resident memory and threads, and times its health check, while a level runs. */
    private final class Sampler extends Thread {
        private final ServerProcess server;
        private final HttpRequest healthRequest;
        private volatile boolean running = true;
        long maxRssMb = -1;
        int maxThreads = -1;
        final Percentiles health = new Percentiles();
        long healthFailures;

        Sampler(ServerProcess server) {
            super("load-sampler");
            this.server = server;
            this.healthRequest = HttpRequest.newBuilder(URI.create(server.url("/actuator/health"))).timeout(Duration.ofMinutes(2)).build();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    ServerProcess.Resident r = server.resident();
                    maxRssMb = Math.max(maxRssMb, r.rssMb());
                    maxThreads = Math.max(maxThreads, r.threads());
                    long t0 = System.nanoTime();
                    try {
                        if (probes.send(healthRequest, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) healthFailures++;
                    } catch (IOException e) {
                        healthFailures++;
                    }
                    this.health.add(System.nanoTime() - t0);
                    Thread.sleep(250);
                } catch (IOException e) {
                    return;   // the process is gone: the level's figures will say so
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join();
        }
    }

    /** What the server logged at WARN and ERROR during the run, counted by logger and message. */
    private void serverLog(Path log) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOG_LEVEL.matcher(line);
            if (!m.find()) continue;
            String message = m.group(3).replaceAll("\\d+", "N");
            String key = m.group(1) + " " + m.group(2).replaceAll(".*\\.", "") + ": " + (message.length() > 100 ? message.substring(0, 97) + "..." : message);
            counts.merge(key, 1, Integer::sum);
        }
        report.heading("The server's log");
        if (counts.isEmpty()) {
            report.text("No line at WARN or ERROR during the whole run.");
            return;
        }
        report.text("Lines at WARN or ERROR during the whole run (start included), numbers replaced by N:");
        Report.Table t = report.table("log", "level, logger: message", "lines");
        counts.forEach((k, n) -> t.row(k.replace("|", "\\|"), (long) n));
    }

    private static double share(long part, long whole) { return whole == 0 ? Double.NaN : 100.0 * part / whole; }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void step(String what) { System.out.println("[load " + Instant.now() + "] " + what); }
}
