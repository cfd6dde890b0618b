package fr.aam.bench;

import fr.aam.Iris;
import fr.aam.graph.ProjectGraph;
import fr.aam.queries.AnswerWarmup;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.PreparedRequest;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.RunningQueries;
import fr.aam.store.ServedStore;
import fr.aam.store.statistics.DatasetStatistics;
import fr.aam.text.SearchIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * A developer's loop for the canned queries at scale, in-process: builds (once) a store of the real graph plus
 * {@code -Dbench.size} synthetic triples with the server's own loader and extensions, then times each canned query's
 * page and total count, with its example parameters and with none, and prints p50/p95 and a digest of the answers
 * (to check that a rewritten query answers the same; {@code -Dbench.limit=10000000} digests the whole result).
 * {@code -Dbench.only=id,id} restricts the queries, {@code -Dbench.runs} sets the runs per case.
 * <pre>mvn -q -pl server test-compile exec:java -Dexec.mainClass=fr.aam.bench.QueryTimings -Dexec.classpathScope=test -Dbench.size=1e6</pre>
 */
public final class QueryTimings {

    private QueryTimings() {}

    public static void main(String[] args) throws Exception {
        long size = (long) Double.parseDouble(System.getProperty("bench.size", "1e5"));
        int runs = Integer.parseInt(System.getProperty("bench.runs", "10"));
        List<String> only = List.of(System.getProperty("bench.only", "").split(",")).stream().filter(s -> !s.isBlank()).toList();
        Path repo = ProjectGraph.home();
        Path work = repo.resolve("server/target/qbench-" + size);
        Path home = work.resolve("home");
        if (!Files.isDirectory(home.resolve("data"))) {
            ProjectGraph.copyWorkingCopy(home, "ontology", "data");
            new SyntheticGraph(repo, Benchmark.BASE, 42).write(home.resolve("data"), size);
        }
        long t0 = System.nanoTime();
        QueryCatalog catalog;
        try (ServedStore real = open(work.resolve("store-real"), repo)) {
            catalog = QueryCatalog.load(repo.resolve("queries"), new LocalSparqlRunner(real, Duration.ofSeconds(30), new RunningQueries()));
        }
        ServedStore store = open(work.resolve("store"), home);
        System.out.printf(Locale.ROOT, "store open in %.1f s (%,d triples); load average %s%n", (System.nanoTime() - t0) / 1e9,
            store.current().info().triples(), Files.readString(Path.of("/proc/loadavg")).trim());
        LocalSparqlRunner runner = new LocalSparqlRunner(store, Duration.ofSeconds(300), new RunningQueries());
        // the pages are run by the engine each time (their cost is what is measured); the totals are kept per data
        // version as the server keeps them: the first request counts the rows of a full page (1st), the next find it (p50)
        CannedQueryService service = new CannedQueryService(catalog, runner, new ParameterValues(runner), 10_000_000, 10_000);
        System.out.printf(Locale.ROOT, "%-48s %7s %9s %9s %9s %9s %9s  %s%n", "case", "rows", "page p50", "page p95", "total 1st", "total p50", "total", "digest");
        for (AnswerWarmup.Request req : AnswerWarmup.requests(catalog)) {
            if (!only.isEmpty() && !only.contains(req.queryId())) continue;
            measure(service, runner, catalog.get(req.queryId()), req.params(), req.label(), runs);
        }
        store.close();
        System.out.println("load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static void measure(CannedQueryService service, LocalSparqlRunner runner, CannedQuery q, Map<String, List<String>> params, String label, int runs) throws Exception {
        Map<String, List<String>> request = new LinkedHashMap<>(params);
        // -Dbench.limit=10000000: the whole result in one page, to compare a rewritten query's answers with the old one's
        request.put("limit", List.of(System.getProperty("bench.limit", "1000")));
        PreparedRequest r = service.prepare(q.id(), request);
        Percentiles page = new Percentiles(), total = new Percentiles();
        long rows = 0, count = 0;
        double firstTotal = 0;
        String digest = "";
        for (int i = 0; i < runs + 1; i++) {
            long a = System.nanoTime();
            QueryResult res = runner.run(service.pageQuery(r), r.substitution());
            long b = System.nanoTime();
            count = service.total(r, res);
            long c = System.nanoTime();
            if (i > 0 || runs == 0) { page.add(b - a); total.add(c - b); }
            if (i == 0) {
                firstTotal = (c - b) / 1e6;
                List<String> lines = new ArrayList<>();
                if (res.rows() != null) {   // each row as its variables in name order: a rewritten query binds them in another order
                    res.rows().reset();
                    List<Var> vars = res.rows().getResultVars().stream().sorted(java.util.Comparator.comparing(Var::getVarName)).toList();
                    while (res.rows().hasNext()) {
                        Binding bd = res.rows().next();
                        StringBuilder line = new StringBuilder();
                        for (Var v : vars) line.append(v).append('=').append(bd.get(v)).append(' ');
                        lines.add(line.toString());
                    }
                    rows = lines.size();
                } else if (res.graph() != null) {
                    res.graph().find().forEach(t -> lines.add(t.toString()));
                    rows = lines.size();
                }
                lines.sort(null);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String l : lines) md.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest = HexFormat.of().formatHex(md.digest()).substring(0, 12);
                if ((b - a) > 60_000_000_000L) {   // a query this slow gets one figure
                    page.add(b - a);
                    total.add(c - b);
                    break;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-48s %7d %9.1f %9.1f %9.1f %9.1f %9d  %s%n", q.id() + " " + label, rows, page.ms(50), page.ms(95),
            firstTotal, total.ms(50), count, digest);
    }

    /** The store as the server opens it, with the server's generation extensions (statistics, text index). */
    public static ServedStore open(Path root, Path home) {
        Iris iris = ProjectGraph.IRIS;
        return LocalStore.open(root, home, List.of(new DatasetStatistics(iris), new SearchIndex(iris)));
    }
}
