package fr.aam.bench;

import fr.aam.graph.ProjectGraph;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.PreparedRequest;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.QueryCatalog;
import fr.aam.queries.QueryParam;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.RunningQueries;
import fr.aam.sparql.QueryResult;
import fr.aam.store.GraphParser;
import fr.aam.store.ServedStore;
import fr.aam.store.SourceFile;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmark (docs/benchmark/README.md): {@code mvn -pl server -Pbenchmark verify -Dbench.size=1e5}. At the chosen
 * size it generates synthetic data beside the real graph, then measures, on this machine, with the packaged server
 * started as separate processes:
 * <ol>
 * <li>the server's load (parse + SHACL + TDB2) to its first answer, against {@code tdb2.tdbloader --loader=parallel}
 *     of Jena's distribution on the same quads;</li>
 * <li>restart to the first answered query, plain and with the known ways down (lazy initialisation, Spring AOT,
 *     class-data sharing), interleaved;</li>
 * <li>every canned query with its example parameters and with none, three ways — in-process ARQ on the dataset, raw
 *     {@code /sparql} on the text the API runs, the API — as p50/p95/p99;</li>
 * <li>throughput of three canned queries at 1, 4, 16 and 64 concurrent clients on loopback, bounded in time, with
 *     errors;</li>
 * <li>the server's peak heap.</li>
 * </ol>
 * Results go to {@code docs/benchmark/results-<size>.md} and {@code .csv} with the machine's description.
 * {@code -Dbench.smoke=true} runs every step with a few iterations only (CI runs it at 10⁴) and writes under
 * server/target/. {@code -Dbench.profile=true} runs the load's server with the Java Flight Recorder and adds the
 * hottest frames of each phase of its build to the results ({@link JfrProfile}). {@code -Dbench.mode=load} runs the load command instead ({@link LoadTest}, docs/load/README.md).
 */
public final class Benchmark {

    static final String BASE = "https://w3id.org/attractivite-autonomie/";
    static final List<String> THROUGHPUT_QUERIES = List.of("initiatives-of-actor", "uncovered-levers-per-territory", "initiatives-by-territory");
    static final int[] CLIENTS = {1, 4, 16, 64};

    private final long size;
    private final boolean smoke;
    /** {@code -Dbench.profile=true}: the load's server runs with the Java Flight Recorder, its hottest frames reported. */
    private final boolean profile;
    /**
     * The steps to run ({@code -Dbench.steps=load,restart}): load, restart, queries. Without load, the store an earlier
     * run loaded in the same folder is reused when there is one ({@link LoadedStore}); else the load runs first.
     */
    private final java.util.Set<String> steps;
    private final Path repo = ProjectGraph.home();
    private final Path work;
    private final Path home;
    private final Path logs;
    private final Path jar;
    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Benchmark(long size, boolean smoke, java.util.Set<String> steps, boolean profile) {
        this.size = size;
        this.smoke = smoke;
        this.steps = steps;
        this.profile = profile;
        this.work = repo.resolve("server/target/bench-" + label(size) + (smoke ? "-smoke" : ""));
        this.home = work.resolve("home");
        this.logs = work.resolve("logs");
        this.jar = repo.resolve("server/target/server-0.1.0-SNAPSHOT.jar");
    }

    public static void main(String[] args) throws Exception {
        long size = (long) Double.parseDouble(System.getProperty("bench.size", "1e4"));
        boolean smoke = Boolean.parseBoolean(System.getProperty("bench.smoke", "false"));
        String mode = System.getProperty("bench.mode", "benchmark");
        java.util.Set<String> steps = java.util.Set.of(System.getProperty("bench.steps", "load,restart,queries").split(","));
        switch (mode) {
            case "benchmark" -> new Benchmark(size, smoke, steps, Boolean.getBoolean("bench.profile")).run();
            case "load" -> new LoadTest(smoke).run();
            default -> throw new IllegalArgumentException("bench.mode: benchmark or load, not " + mode);
        }
        System.exit(0);   // exec:java waits for non-daemon threads (HTTP client pools)
    }

    /** @return the results file written (Markdown; the CSV is beside it) */
    Path run() throws Exception {
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " absent: run through mvn -Pbenchmark verify");
        String loadBefore = loadAverage();
        Path marker = work.resolve(LoadedStore.FILE);
        boolean reuse = !steps.contains("load") && LoadedStore.isIn(work);
        LoadedStore loaded;
        if (reuse) {
            loaded = LoadedStore.read(marker);
            step("reusing the store loaded in " + work + " on " + loaded.at() + " at commit " + loaded.commit());
            forReuse();
        } else {
            if (!steps.contains("load")) step("no loaded store in " + work + " to reuse: generating and loading first");
            FileSystemUtils.deleteRecursively(work);
            Files.createDirectories(logs);
            step("generating " + label(size) + " synthetic triples");
            ProjectGraph.copyWorkingCopy(home, "ontology", "data", "queries");
            SyntheticGraph.Result synthetic = new SyntheticGraph(repo, BASE, 42).write(home.resolve("data"), size);
            long quads = writeNQuads(work.resolve("all.nq"));
            loaded = new LoadedStore(quads, sources().files().size(), synthetic.triples(), synthetic.files().size(), true,
                gitCommit(repo), Instant.now().toString());
        }
        java.util.Set<String> ran = new java.util.LinkedHashSet<>();
        for (String s : List.of("load", "restart", "queries")) if (s.equals("load") ? !reuse : steps.contains(s)) ran.add(s);

        report.heading("Data");
        report.text(String.format(Locale.ROOT, "%,d quads in %d files: the real graph (ontology/, data/) and %,d synthetic triples in %d "
            + "synthetic documents (`SyntheticGraph`, seed 42), one named graph per file.", loaded.quads(), loaded.files(),
            loaded.syntheticTriples(), loaded.syntheticFiles()));
        if (reuse) report.text(String.format(Locale.ROOT, "%nThe store is the one loaded by an earlier run (%s, commit %s; its "
            + "load is in that run's results): the load step did not run, nothing was generated or reloaded.", loaded.at(), loaded.commit()));

        boolean serverStarts = loaded.serverStarted();
        if (!reuse) {
            serverStarts = measureLoad(work.resolve("all.nq"), loaded.quads(), work.resolve("tdbloader-store"));
            loaded = loaded.withServerStarted(serverStarts);
            loaded.write(marker);
        }
        if (serverStarts && steps.contains("restart")) measureRestarts();
        if (steps.contains("queries")) {
            // the in-process measures run on a copy of the server's store (TDB2 is opened by one JVM at a time)
            Path copy = work.resolve("store-in-process");
            FileSystemUtils.deleteRecursively(copy);
            FileSystemUtils.copyRecursively(work.resolve("store"), copy);
            measureQueriesAndThroughput(copy, serverStarts);
        }

        report.heading("Machine");
        report.text(machine(repo, loadBefore));
        // a run of some steps only gets its own file, beside the full run's
        String name = (smoke ? "smoke-" : "results-") + label(size) + (ran.size() == 3 ? "" : "-" + String.join("-", ran));
        Path out = smoke ? work : repo.resolve("docs/benchmark");
        report.write(out.resolve(name + ".md"), out.resolve(name + ".csv"),
            "Benchmark at " + label(size) + " synthetic triples" + (smoke ? " (smoke run: few iterations, figures not meaningful)" : ""));
        step("written " + out.resolve(name + ".md"));
        return out.resolve(name + ".md");
    }

    /**
     * Before the steps run again on a store an earlier run loaded: what they write anew is removed (extracted jar,
     * class-data archives, the in-process copy), and the canned queries are the working copy's now (they are not in
     * the store); ontology/ and data/ stay as they were loaded, so the server reopens the store without reloading.
     */
    private void forReuse() throws IOException {
        for (String stale : List.of("extracted", "app.jsa", "app-aot.jsa", "store-in-process")) FileSystemUtils.deleteRecursively(work.resolve(stale));
        FileSystemUtils.deleteRecursively(home.resolve("queries"));
        ProjectGraph.copyWorkingCopy(home, "queries");
        Files.createDirectories(logs);
    }

    // ------------------------------------------------------------------ load

    /** @return whether the server started (at some sizes its start-up queries time out, and it refuses to start) */
    private boolean measureLoad(Path nquads, long quads, Path tdbStore) throws Exception {
        double tdbloaderBefore = tdbloader(nquads, tdbStore, "tdbloader");

        step("server: first load");
        report.heading("Load");
        report.text("The server loads the files at its first start with its own loader (parse, Jena's parallel bulk loader, "
            + "SHACL validation file by file, VoID statistics, text index); `tdb2.tdbloader --loader=parallel` (Jena's distribution, "
            + "same version) loads the same quads from one N-Quads file, without validation, once before and once after the "
            + "server (the machine is shared: the ratios are against the mean of both). All in separate JVMs with the default "
            + "heap (a quarter of the memory).");
        Report.Table t = report.table("load", "what", "ms", "quads/s", "vs tdbloader (quads/s ratio)", "peak heap MB");
        boolean started = true;
        double firstAnswerMs;
        long loadMs;
        long peak;
        Path recording = logs.resolve("load.jfr");
        List<String> jvm = profile ? List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true") : List.of();
        try (ServerProcess s = start("load", jvm, List.of("-jar", jar.toString()), List.of())) {
            loadMs = s.loggedLoadMillis();
            firstAnswerMs = s.timeToFirstAnswer.toNanos() / 1e6;
            peak = s.peakHeapMb();
        } catch (ServerProcess.StartFailed e) {
            started = false;
            loadMs = ServerProcess.loggedLoadMillis(e.log);
            firstAnswerMs = Double.NaN;
            peak = peakOf(logs.resolve("load-gc.log"));
            report.text(String.format(Locale.ROOT, "%n**The server did not start**: it built its store, then stopped %d s after "
                + "its process started (store built at %s, start abandoned at %s): `%s`. Restarts, `/sparql`, the API and "
                + "the throughput could not be measured; the canned queries are measured in-process only, on the store it "
                + "built.%n", e.after.toSeconds(), ServerProcess.loggedAt(e.log, "Built store generation"),
                ServerProcess.loggedAt(e.log, "Application run failed"), ServerProcess.failureReason(e.log)));
        }
        // tdbloader again after the server: the machine is shared, the ratios use the mean of both runs
        double tdbloaderAfter = tdbloader(nquads, work.resolve("tdbloader-store-after"), "tdbloader-after");
        double tdbloaderMs = (tdbloaderBefore + tdbloaderAfter) / 2;
        t.row("server: load as logged (generation built)", (double) loadMs, rate(quads, loadMs), rate(quads, loadMs) / rate(quads, tdbloaderMs), peak);
        t.row("server: process start to first answer", firstAnswerMs, rate(quads, firstAnswerMs), rate(quads, firstAnswerMs) / rate(quads, tdbloaderMs), peak);
        t.row("tdb2.tdbloader --loader=parallel (process), before the server", tdbloaderBefore, rate(quads, tdbloaderBefore),
            rate(quads, tdbloaderBefore) / rate(quads, tdbloaderMs), peakOf(logs.resolve("tdbloader-gc.log")));
        t.row("tdb2.tdbloader --loader=parallel (process), after the server", tdbloaderAfter, rate(quads, tdbloaderAfter),
            rate(quads, tdbloaderAfter) / rate(quads, tdbloaderMs), peakOf(logs.resolve("tdbloader-after-gc.log")));
        if (profile) {
            step("profile of the load: " + recording);
            if (Files.isRegularFile(recording)) JfrProfile.report(report, recording, logs.resolve("load.log"));
            else report.text("\n**No profile**: the server wrote no recording (" + recording + ").\n");
        }
        return started;
    }

    /** Runs {@code tdb2.tdbloader --loader=parallel} of Jena's distribution into {@code store}: its time, in ms. */
    private double tdbloader(Path nquads, Path store, String name) throws Exception {
        step("tdb2.tdbloader --loader=parallel (" + name + ")");
        Path jena = repo.resolve("server/target/engines/apache-jena-5.6.0");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(ServerProcess.java(), "-Xlog:gc:file=" + logs.resolve(name + "-gc.log"), "-cp",
            jena.resolve("lib") + "/*", "tdb2.tdbloader", "--loader=parallel", "--loc=" + store, nquads.toString())
            .redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
        if (p.waitFor() != 0) throw new IllegalStateException("tdbloader failed: see " + logs.resolve(name + ".log"));
        double ms = (System.nanoTime() - t0) / 1e6;
        FileSystemUtils.deleteRecursively(store);   // only its time counts: at 10⁷ each copy takes gigabytes
        return ms;
    }

    // ------------------------------------------------------------------ restart

    /** A way to start the server: JVM options, how it is launched, the server's extra settings. */
    record Variant(String name, List<String> jvm, List<String> launch, List<String> app) {}

    private void measureRestarts() throws Exception {
        step("restart variants");
        List<Variant> variants = new ArrayList<>();
        List<String> fat = List.of("-jar", jar.toString());
        variants.add(new Variant("java -jar (baseline)", List.of(), fat, List.of()));
        // the smoke run checks the baseline and the longest way (extraction, CDS training, start with the archive) only
        if (!smoke) variants.add(new Variant("lazy initialisation", List.of(), fat, List.of("--spring.main.lazy-initialization=true")));
        boolean aot = !smoke && hasAotClasses();
        if (aot) variants.add(new Variant("Spring AOT", List.of("-Dspring.aot.enabled=true"), fat, List.of()));
        Path extracted = work.resolve("extracted");
        run(List.of(ServerProcess.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()), "extract");
        List<String> thin = List.of("-jar", extracted.resolve(jar.getFileName()).toString());
        if (!smoke) variants.add(new Variant("extracted jar", List.of(), thin, List.of()));
        Path cds = work.resolve("app.jsa");
        ServerProcess.train(List.of("-XX:ArchiveClassesAtExit=" + cds), thin, serverArgs(), logs, "cds-training");
        variants.add(new Variant("extracted jar + CDS", List.of("-XX:SharedArchiveFile=" + cds), thin, List.of()));
        if (aot) {
            Path cdsAot = work.resolve("app-aot.jsa");
            ServerProcess.train(List.of("-XX:ArchiveClassesAtExit=" + cdsAot, "-Dspring.aot.enabled=true"), thin, serverArgs(), logs, "cds-aot-training");
            variants.add(new Variant("extracted jar + CDS + AOT", List.of("-XX:SharedArchiveFile=" + cdsAot, "-Dspring.aot.enabled=true"), thin, List.of()));
            variants.add(new Variant("extracted jar + CDS + AOT + lazy", List.of("-XX:SharedArchiveFile=" + cdsAot, "-Dspring.aot.enabled=true"), thin,
                List.of("--spring.main.lazy-initialization=true")));
        }
        // A store in service has its canned answers computed ahead and stored with its generation (the first server
        // after a load computes them; about 25 minutes at 10⁷), and a restart reads them back: the rounds are measured
        // on such a store, as a restart happens in production. The first server here computes them, or reads them.
        long aheadStart = System.nanoTime();
        String ahead;
        try (ServerProcess s = start("restart-answers-ahead", List.of(), fat, List.of())) {
            ahead = s.awaitLogLine("computed ahead", Duration.ofMinutes(smoke ? 2 : 90));
        }
        long aheadMs = (System.nanoTime() - aheadStart) / 1_000_000;
        int rounds = smoke ? 1 : size >= 1_000_000 ? 3 : 5;
        Map<String, Percentiles> times = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {   // interleaved, so that every variant sees the same machine
            for (Variant v : variants) {
                try (ServerProcess s = start("restart-" + r + "-" + v.name().replaceAll("\\W+", "-"), v.jvm(), v.launch(), v.app())) {
                    times.computeIfAbsent(v.name(), k -> new Percentiles()).add(s.timeToFirstAnswer.toNanos());
                }
            }
        }
        report.heading("Restart on the loaded store, to the first answered query");
        report.text(String.format(Locale.ROOT, "Process start to the first `200` of `GET %s`, %d rounds, variants interleaved. "
            + "CDS: the archive is written by a training run (`-XX:ArchiveClassesAtExit`, `-Dspring.context.exit=onRefresh`) on "
            + "the jar extracted with `-Djarmode=tools extract`. Before the rounds, one server ran until its canned answers were "
            + "computed ahead and stored with the store's generation, as they are once a loaded store has served (%s, %,d ms "
            + "from its start): each round reads them back.%s", ServerProcess.FIRST_QUERY, rounds,
            ahead == null ? "not finished within the wait" : "`" + ahead + "`", aheadMs,
            smoke ? " Smoke run: the baseline and the extracted jar with CDS only." : aot ? ""
                : " Spring AOT not measured: the jar was built without `process-aot` (use the benchmark profile)."));
        Report.Table t = report.table("restart", "variant", "median ms", "min ms", "max ms", "vs baseline (median)");
        double baseline = times.get("java -jar (baseline)").ms(50);
        for (var e : times.entrySet()) t.row(e.getKey(), e.getValue().ms(50), e.getValue().ms(0), e.getValue().ms(100), e.getValue().ms(50) / baseline);
    }

    // ------------------------------------------------------------------ queries

    /** A canned query with its example parameters, or with none. */
    record Case(CannedQuery query, Map<String, List<String>> params, String label) {}

    private void measureQueriesAndThroughput(Path inProcessStore, boolean serverStarts) throws Exception {
        step("canned queries, three ways");
        // The catalogue (parsed queries, allowed values) is read on the real graph alone: its start-up queries over
        // the whole graph are what may not finish at large sizes, and the examples are real resources.
        QueryCatalog catalog;
        try (ServedStore real = LocalStore.open(work.resolve("store-real-graph"), repo)) {
            catalog = QueryCatalog.load(home.resolve("queries"), new LocalSparqlRunner(real, Duration.ofSeconds(30), new RunningQueries()));
        }
        ServedStore store = LocalStore.open(inProcessStore, home);
        // a longer timeout than the server's (30 s) when there is no server, so that a slow query may still get a figure
        LocalSparqlRunner inProcess = new LocalSparqlRunner(store, Duration.ofSeconds(serverStarts ? 30 : 300), new RunningQueries());
        CannedQueryService service = new CannedQueryService(catalog, inProcess, new ParameterValues(inProcess), 10_000);
        // the requests the server computes ahead
        List<Case> cases = fr.aam.queries.AnswerWarmup.requests(catalog).stream()
            .map(r -> new Case(catalog.get(r.queryId()), r.params(), r.queryId() + " " + r.label())).toList();
        ServerProcess s = serverStarts ? start("queries", List.of(), List.of("-jar", jar.toString()), List.of()) : null;
        // the server computes its canned queries' default and example answers ahead once it is ready: measured
        // after that, as a visitor finds them (the in-process figures are what computing an answer costs)
        String ahead = s == null ? null : s.awaitLogLine("computed ahead", Duration.ofMinutes(smoke ? 2 : 60));
        try {
            report.heading("Canned queries: in-process ARQ, raw /sparql, API");
            report.text("Each canned query with its example parameters and with none. In-process: the API's own binding and paging "
                + "run by ARQ on a copy of the server's store opened by the server's own code, in this JVM. Raw `/sparql`: the same "
                + "query text (parameters in a leading `VALUES`, the page's `LIMIT 1000`) posted to the server. API: "
                + "`GET /api/queries/{id}?…&format=json`, which also counts the rows when the page is full. Interleaved; "
                + (smoke ? "3 runs" : "up to 50 runs within 20 s") + " per case and way after a warm-up. Times in ms."
                + (serverStarts ? "" : " The server did not start: in-process only, with a 300 s timeout.")
                + " A query slower than a minute gets one run; `–` with an error: it did not finish within the timeout."
                + (s == null ? "" : " The server keeps each request's first rows and total per data version and computes "
                + "the answers of these very requests ahead, once it is ready (" + (ahead == null ? "not finished within the wait"
                : "`" + ahead + "`") + "); measured after that: the API's figures are those of an answer kept, "
                + "in-process ARQ's what computing it costs — what the first request of any other parameter value pays."));
            Report.Table t = report.table("queries", "case", "rows", "ARQ p50", "ARQ p95", "ARQ p99", "/sparql p50", "/sparql p95",
                "/sparql p99", "API p50", "API p95", "API p99", "API / sparql (p50)", "errors");
            for (Case c : cases) measure(c, service, s, t);
            if (s != null) {
                measureThroughput(s, catalog);
                report.heading("Server heap");
                report.text(String.format(Locale.ROOT, "Peak heap in use while answering the queries and the throughput runs: %,d MB "
                    + "(from its GC log; default maximum heap).", s.peakHeapMb()));
            }
        } finally {
            if (s != null) s.close();
            store.close();
        }
    }

    private void measure(Case c, CannedQueryService service, ServerProcess s, Report.Table table) throws Exception {
        PreparedRequest prepared = service.prepare(c.query().id(), c.params());
        String text = service.pageQuery(prepared).serialize();
        boolean graph = !c.query().query().isSelectType();
        StringBuilder api = new StringBuilder("/api/queries/" + c.query().id() + "?format=" + (graph ? "turtle" : "json"));
        c.params().forEach((k, vs) -> vs.forEach(v -> api.append('&').append(k).append('=').append(enc(v))));
        String base = s == null ? "http://unused" : s.url("");
        HttpRequest apiRequest = HttpRequest.newBuilder(URI.create(base + api)).timeout(Duration.ofMinutes(2)).build();
        HttpRequest rawRequest = HttpRequest.newBuilder(URI.create(base + "/sparql")).timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", graph ? "text/turtle" : "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(text))).build();
        Percentiles arq = new Percentiles(), raw = new Percentiles(), apiTimes = new Percentiles();
        long[] errors = {0};
        long rows = -1;
        int warmup = smoke ? 1 : 2, max = smoke ? 3 : 50;
        long budget = Duration.ofSeconds(smoke ? 2 : 20).toNanos(), t0 = System.nanoTime();
        for (int i = 0; i < warmup + max; i++) {
            if (i >= warmup + 3 && System.nanoTime() - t0 > 3 * budget) break;
            boolean record = i >= warmup;
            long a = System.nanoTime();
            try {
                QueryResult r = service.page(prepared);
                rows = r.rows() != null ? r.rows().size() : r.graph() != null ? r.graph().size() : 1;
                long took = System.nanoTime() - a;
                if (record || took > 3 * budget) arq.add(took);
                if (took > 3 * budget) break;   // a query this slow gets one figure: more runs would add nothing
            } catch (RuntimeException e) {
                errors[0]++;
                if (s == null) break;
            }
            if (s == null) continue;
            time(rawRequest, record ? raw : null, errors);
            time(apiRequest, record ? apiTimes : null, errors);
        }
        table.row(c.label(), rows, arq.ms(50), arq.ms(95), arq.ms(99), raw.ms(50), raw.ms(95), raw.ms(99),
            apiTimes.ms(50), apiTimes.ms(95), apiTimes.ms(99), apiTimes.ms(50) / raw.ms(50), errors[0]);
        System.out.printf(Locale.ROOT, "  %-45s ARQ %8.1f  /sparql %8.1f  API %8.1f ms (p50)%n", c.label(), arq.ms(50), raw.ms(50), apiTimes.ms(50));
    }

    private void time(HttpRequest r, Percentiles into, long[] errors) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200) { errors[0]++; return; }
            if (into != null) into.add(System.nanoTime() - t0);
        } catch (IOException e) {
            errors[0]++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ throughput

    private void measureThroughput(ServerProcess s, QueryCatalog catalog) throws Exception {
        step("throughput");
        Duration each = Duration.ofSeconds(smoke ? 1 : 10);
        report.heading("Throughput on loopback");
        report.text(String.format(Locale.ROOT, "Three canned queries with their example parameters (`%s`), through the API; each level "
            + "runs %d s with that many clients sending requests back to back (`ClientLoad`): answers/s counts the `200`s, responses/s "
            + "every response completed within the window. Past the server's query slots and its short queue (`aam.limits`) a request is refused at once with "
            + "`503` and `Retry-After` — overload answered by design, counted apart; any other answer than the expected `200` is an "
            + "error. Latencies: of the answers (`200`), then of every request sent within the window, refusals included.",
            String.join("`, `", THROUGHPUT_QUERIES), each.toSeconds()));
        Report.Table t = report.table("throughput", "query, clients", "answers/s", "responses/s", "refused (503 busy)", "other 503", "errors",
            "answers p50 ms", "answers p95 ms", "all p50 ms", "all p95 ms");
        for (String id : THROUGHPUT_QUERIES) {
            CannedQuery q = catalog.get(id);
            StringBuilder url = new StringBuilder("/api/queries/" + id + "?format=json");
            for (QueryParam p : q.params()) if (p.example() != null) url.append('&').append(p.name()).append('=').append(enc(p.example()));
            for (int clients : CLIENTS) {
                HttpRequest r = HttpRequest.newBuilder(URI.create(s.url(url.toString()))).timeout(Duration.ofMinutes(1)).build();
                ClientLoad.Result result = ClientLoad.run(http, List.of(new ClientLoad.Request(id, r, 200, -1, 1)), clients, each, 42);
                ClientLoad.Tally all = result.total();
                t.row(id + ", " + clients, result.asExpectedPerSecond(), result.requestsPerSecond(), all.busy, all.unavailable, all.errors(),
                    all.expected.ms(50), all.expected.ms(95), all.all.ms(50), all.all.ms(95));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private ServerProcess start(String name, List<String> jvm, List<String> launch, List<String> extra) throws Exception {
        List<String> app = new ArrayList<>(serverArgs());
        app.addAll(extra);
        return ServerProcess.start(jvm, launch, app, logs, name, Duration.ofHours(2));
    }

    private List<String> serverArgs() {
        return List.of("--aam.home=" + home, "--aam.store=" + work.resolve("store"), "--logging.level.root=WARN", "--logging.level.fr.aam=INFO");
    }

    private SourceFiles sources() {
        return SourceFiles.scan(BASE + "graph/", home, new StoreSettings(null, 0).contextFiles(), home.resolve("ontology"), home.resolve("data"));
    }

    /** All files as N-Quads, each file in its own named graph, read by the server's own parser: tdbloader's input. */
    private long writeNQuads(Path out) throws IOException {
        long[] n = {0};
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            StreamRDF writer = StreamRDFLib.writer(os);
            StreamRDF counting = new StreamRDFWrapper(writer) {
                @Override public void quad(Quad q) { n[0]++; super.quad(q); }
            };
            writer.start();
            GraphParser parser = new GraphParser();
            for (SourceFile f : sources().files()) {
                parser.stream(f.path(), f.name(), f.graphIri(), RDFLanguages.filenameToLang(f.path().toString(), Lang.TURTLE), counting);
            }
            writer.finish();
        }
        return n[0];
    }

    private boolean hasAotClasses() throws IOException {
        try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
            return zip.getEntry("BOOT-INF/classes/fr/aam/AamApplication__ApplicationContextInitializer.class") != null;
        }
    }

    private void run(List<String> cmd, String name) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile()).start();
        if (p.waitFor() != 0) throw new IllegalStateException(name + " failed: see " + logs.resolve(name + ".log"));
    }

    private static long peakOf(Path gcLog) throws IOException {
        long peak = -1;
        var m = java.util.regex.Pattern.compile("Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
        if (Files.exists(gcLog)) for (String line : Files.readAllLines(gcLog)) {
            var x = m.matcher(line);
            if (x.find()) peak = Math.max(peak, Long.parseLong(x.group(1)));
        }
        return peak;
    }

    private static double rate(long quads, double ms) { return ms <= 0 ? Double.NaN : quads / (ms / 1000.0); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static String label(long size) {
        int exp = (int) Math.round(Math.log10(size));
        return Math.pow(10, exp) == size ? "1e" + exp : Long.toString(size);
    }

    private static void step(String what) { System.out.println("[benchmark " + Instant.now() + "] " + what); }

    /** The machine, the versions, the commit and the load average before and now, as Markdown list items. */
    static String machine(Path repo, String loadBefore) throws IOException {
        String cpu = "unknown";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) try (Stream<String> lines = Files.lines(cpuinfo)) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        String mem = "unknown";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.exists(meminfo)) try (Stream<String> lines = Files.lines(meminfo)) {
            mem = lines.filter(l -> l.startsWith("MemTotal")).findFirst().map(l -> l.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GB").orElse(mem);
        }
        return String.format(Locale.ROOT, "- %s, %d cores (%s), %s of memory, %s %s%n- Java %s (%s); Jena 5.6.0; Spring Boot 4.1.1%n"
            + "- run on %s at commit %s%n- load average (1, 5, 15 min) at the start: %s; at the end: %s (the machine is shared: "
            + "read ratios within one run, not absolute times across runs)%n",
            System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("os.version"),
            System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vm.name"),
            Instant.now().toString().substring(0, 10), gitCommit(repo), loadBefore, loadAverage());
    }

    static String gitCommit(Path repo) {
        try {
            Process p = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
