package fr.aam.bench;

import static fr.aam.web.HttpClientSupport.enc;

import fr.aam.AamApplication;
import fr.aam.graph.ProjectGraph;
import fr.aam.web.HttpClientSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test (the build does not run it; its name does not end in Test). Run:
 * {@code mvn -q -pl server test -Dtest=ApiOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * Prints, for the real graph and for the real graph plus ~1 million synthetic triples: the load time (parse + SHACL
 * + TDB2 transaction) and, for canned queries, the median and 90th-percentile latency through the API and through
 * raw Fuseki (/sparql) for the same query, and their ratio. Figures are ratios measured in one run, as the machines
 * are noisy. Results are kept in docs/benchmark.md.
 */
class ApiOverheadBenchmark {

    // fewer runs on the big store, where one query takes up to seconds
    static final int[] WARMUP = {30, 3};
    static final int[] RUNS = {200, 15};
    static final String ID = "https://w3id.org/attractivite-autonomie/id/";

    @TempDir Path tmp;

    /** id, API parameters, the same SPARQL with the parameter bound in a VALUES block as the API does. */
    record Case(String id, String apiParams, String valuesVar, String value) {}

    static final List<Case> CASES = List.of(
        new Case("initiatives-of-actor", "actor=" + enc(ID + "actor/france-travail"), "actor", ID + "actor/france-travail"),
        new Case("uncovered-levers-per-territory", "territory=" + enc(ID + "territory/vienne"), "territory", ID + "territory/vienne"),
        new Case("partners-per-initiative", "action=" + enc(ID + "initiative/actiduo"), "action", ID + "initiative/actiduo"),
        new Case("initiatives-by-territory", "territory=" + enc(ID + "territory/landes") + "&limit=100", "territory", ID + "territory/landes"),
        new Case("lever-crosswalk", "limit=100", null, null));

    @Test
    void run() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%s, %d cores, Java %s%n", System.getProperty("os.name"),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        int[] sizes = {0, 40_000};
        for (int phase = 0; phase < sizes.length; phase++) {
            int synthetic = sizes[phase];
            Path home = copyWorkingCopy(tmp.resolve("home-" + synthetic));
            long syntheticTriples = synthetic == 0 ? 0 : new SyntheticGraph(home, "https://w3id.org/attractivite-autonomie/", 42).write(home.resolve("data"), synthetic).triples();
            Runtime.getRuntime().gc();
            long before = usedMemory();
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AamApplication.class).run(
                    "--server.port=0", "--aam.home=" + home, "--aam.store=" + tmp.resolve("store-" + synthetic), "--logging.level.root=WARN")) {
                fr.aam.store.LoadReport load = app.getBean(fr.aam.store.StoreMaintenance.class).lastLoad();
                long triples = load.triples();
                report.append(String.format(Locale.ROOT, "%n### %,d triples (%,d synthetic)%n%nload (parse + SHACL + TDB2 write): %,d ms; heap after load: %,d MB%n%n",
                    triples, syntheticTriples, load.millis(), (usedMemory() - before) / 1_000_000));
                report.append("| canned query | API median ms | API p90 ms | /sparql median ms | /sparql p90 ms | API / sparql (median) |\n|---|---|---|---|---|---|\n");
                HttpClientSupport http = new HttpClientSupport(((WebServerApplicationContext) app).getWebServer().getPort());
                for (Case c : CASES) {
                    report.append(measure(http, home, c, WARMUP[phase], RUNS[phase])).append('\n');
                    System.out.println(report);   // progress, the big store is slow
                }
            }
        }
        System.out.println("\n==== benchmark ====\n" + report);
        Files.writeString(ProjectGraph.home().resolve("server/target/benchmark.md"), report);
    }

    private static String measure(HttpClientSupport http, Path home, Case c, int warmup, int runs) throws IOException {
        String text = Files.readString(home.resolve("queries/" + c.id() + ".rq"));
        String sparql = c.valuesVar() == null ? text : bindWithValues(text, c.valuesVar(), c.value());
        if (c.apiParams().contains("limit=100")) sparql = sparql + "\nLIMIT 100";
        String api = "/api/queries/" + c.id() + "?" + c.apiParams() + "&format=json";
        String raw = "/sparql?query=" + enc(sparql);
        for (int i = 0; i < warmup; i++) { check(http.get(api)); check(http.get(raw, "Accept", "application/sparql-results+json")); }
        long[] a = new long[runs], r = new long[runs];
        for (int i = 0; i < runs; i++) {   // interleaved, so that both see the same machine
            long t0 = System.nanoTime(); check(http.get(api)); a[i] = System.nanoTime() - t0;
            t0 = System.nanoTime(); check(http.get(raw, "Accept", "application/sparql-results+json")); r[i] = System.nanoTime() - t0;
        }
        Arrays.sort(a); Arrays.sort(r);
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |", c.id(), ms(a[runs / 2]), ms(a[runs * 9 / 10]),
            ms(r[runs / 2]), ms(r[runs * 9 / 10]), (double) a[runs / 2] / r[runs / 2]);
    }

    /** The same VALUES-first binding the API does, written as text for the raw endpoint (benchmark only). */
    private static String bindWithValues(String text, String var, String iri) {
        int where = text.indexOf('{', text.indexOf("WHERE"));
        return text.substring(0, where + 1) + " VALUES ?" + var + " { <" + iri + "> } " + text.substring(where + 1);
    }

    private static void check(java.net.http.HttpResponse<String> r) {
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
    }

    private static double ms(long nanos) { return nanos / 1e6; }

    private static long usedMemory() { return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(); }

    private Path copyWorkingCopy(Path home) throws IOException {
        return ProjectGraph.copyWorkingCopy(home, "ontology", "data", "queries");
    }
}
