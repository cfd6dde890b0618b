package fr.aam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke run at 10⁴ (issue 9: "not run in CI except at 10⁴ as a smoke test"), part of {@code mvn verify}
 * after {@code package}: the benchmark command starts the packaged jar and Jena's {@code tdb2.tdbloader}, both built
 * or unpacked by the default build. Two runs, as one runs the benchmark at 10⁷: the load and restart steps with the
 * profile, then the canned queries alone on the store the first one loaded (reused: nothing generated or reloaded).
 * What is asserted is what a user of the command relies on: each results file is written, with a row for every step
 * and positive figures, no query or request in error, and the profile's tables per phase of the build. The figures
 * themselves are not meaningful (few iterations): the benchmark's own runs measure.
 */
class BenchmarkSmokeIT {

    private static final Path WORK = ProjectGraph.home().resolve("server/target/bench-1e4-smoke");

    @Test
    void everyStepWritesItsRowsAndTheQueriesReuseTheLoadedStore() throws Exception {
        Path loadRestart = new Benchmark(10_000, true, Set.of("load", "restart"), true).run();
        assertThat(loadRestart).isEqualTo(WORK.resolve("smoke-1e4-load-restart.md"));
        List<Row> first = rows(loadRestart);

        for (String what : List.of("server: load as logged (generation built)", "server: process start to first answer",
                "tdb2.tdbloader --loader=parallel (process), before the server", "tdb2.tdbloader --loader=parallel (process), after the server")) {
            assertThat(value(first, "load", what, "ms")).as(what).isPositive();
            assertThat(value(first, "load", what, "quads/s")).as(what).isPositive();
            assertThat(value(first, "load", what, "vs tdbloader (quads/s ratio)")).as(what).isPositive();
        }
        // a smoke run starts the baseline and the longest way (extraction, CDS training, start with the archive) only
        for (String variant : List.of("java -jar (baseline)", "extracted jar + CDS")) {
            assertThat(value(first, "restart", variant, "median ms")).as(variant).isPositive();
        }
        for (String phase : List.of("parse and load", "bulk loader's indexes", "validation and extensions, at once")) {
            assertThat(value(first, "profile: " + phase, "1", "% (frame)")).as(phase).isPositive();
        }
        assertThat(first).noneMatch(r -> r.section().equals("queries") || r.section().equals("throughput"));

        String generation = Files.readString(WORK.resolve("store/CURRENT"));
        long loadLog = Files.getLastModifiedTime(WORK.resolve("logs/load.log")).toMillis();
        Path queries = new Benchmark(10_000, true, Set.of("queries"), false).run();
        assertThat(queries).isEqualTo(WORK.resolve("smoke-1e4-queries.md"));
        assertThat(Files.readString(WORK.resolve("store/CURRENT"))).as("the same generation, not reloaded").isEqualTo(generation);
        assertThat(Files.getLastModifiedTime(WORK.resolve("logs/load.log")).toMillis()).as("no load step").isEqualTo(loadLog);
        assertThat(Files.readString(queries)).contains("the load step did not run");
        List<Row> second = rows(queries);
        assertThat(second).noneMatch(r -> r.section().equals("load") || r.section().equals("restart"));

        for (Path rq : ProjectGraph.cannedQueryFiles()) {
            String id = rq.getFileName().toString().replaceFirst("\\.rq$", "");
            List<String> cases = second.stream().filter(r -> r.section().equals("queries") && r.row().startsWith(id + " ("))
                .map(Row::row).distinct().toList();
            assertThat(cases).as("a case (example or no parameter) for %s", id).isNotEmpty();
            for (String c : cases) {
                assertThat(value(second, "queries", c, "errors")).as(c).isZero();
                for (String way : List.of("ARQ p50", "/sparql p50", "API p50")) assertThat(value(second, "queries", c, way)).as(c + ", " + way).isPositive();
            }
        }
        for (String id : Benchmark.THROUGHPUT_QUERIES) {
            for (int clients : Benchmark.CLIENTS) {
                // beyond the server's query slots and queue, its admission refuses (503 busy, at once) by design: not an error
                assertThat(value(second, "throughput", id + ", " + clients, "errors")).as(id + ", " + clients).isZero();
                assertThat(value(second, "throughput", id + ", " + clients, "other 503")).as(id + ", " + clients + ": timeouts").isZero();
                assertThat(value(second, "throughput", id + ", " + clients, "answers/s")).as(id + ", " + clients).isPositive();
            }
        }
    }

    /** One line of a results CSV: {@code section,row,metric,value}. */
    record Row(String section, String row, String metric, String value) {}

    private static List<Row> rows(Path markdown) throws IOException {
        Path csv = markdown.resolveSibling(markdown.getFileName().toString().replaceFirst("\\.md$", ".csv"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("section,row,metric,value");
        return lines.stream().skip(1).map(BenchmarkSmokeIT::fields).map(f -> new Row(f.get(0), f.get(1), f.get(2), f.get(3))).toList();
    }

    private static double value(List<Row> rows, String section, String row, String metric) {
        String v = rows.stream().filter(r -> r.section().equals(section) && r.row().equals(row) && r.metric().equals(metric))
            .map(Row::value).findFirst().orElseThrow(() -> new AssertionError("no row " + section + " / " + row + " / " + metric + " in " + rows));
        assertThat(v).as(section + " / " + row + " / " + metric).matches("-?[0-9.]+");
        return Double.parseDouble(v);
    }

    /** The fields of a CSV line as {@link Report} quotes them (double quotes around a field with a comma or a quote). */
    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(f.toString()); f.setLength(0); }
            else f.append(c);
        }
        out.add(f.toString());
        return out;
    }
}
