package fr.aam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.aam.graph.ProjectGraph;
import fr.aam.sparql.LocalSparqlRunner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads against real TDB2 stores: each load builds a new generation beside the served one and switches only when it
 * is complete and valid; a broken file changes nothing; a restart on unchanged files reopens the same generation;
 * unchanged files are copied from the previous generation; dumps are canonical; backups restore exactly.
 */
class StoreReloadTest {

    static final String BASE = "https://w3id.org/attractivite-autonomie/";
    static final String COUNT_LEVERS = "PREFIX aam: <https://w3id.org/attractivite-autonomie/def#> SELECT (COUNT(?l) AS ?n) WHERE { ?l a aam:Lever }";

    @TempDir Path tmp;

    @Test
    void brokenFileKeepsThePreviousDataAndNamesFileAndLine() throws IOException {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store"));
        try (ServedStore served = m.start()) {
            assertThat(m.lastLoad().outcome()).isEqualTo(LoadReport.Outcome.LOADED);
            StoreGeneration first = served.current();
            assertThat(first.info().triples()).isGreaterThan(1000);
            assertThat(m.reload().outcome()).isEqualTo(LoadReport.Outcome.UNCHANGED);

            Path levers = home.resolve("data/levers.ttl");
            long brokenLine = Files.readString(levers).chars().filter(c -> c == '\n').count() + 2;
            Files.writeString(levers, "\nlever:broken skos:prefLabel ] .\n", StandardOpenOption.APPEND);
            LoadReport broken = m.reload();

            assertThat(broken.outcome()).isEqualTo(LoadReport.Outcome.FAILED);
            assertThat(broken.error()).contains("data/levers.ttl:" + brokenLine);
            assertThat(served.current()).isSameAs(first);
            assertThat(count(served, COUNT_LEVERS)).isEqualTo(18);
            assertThat(generationFolders()).as("the failed build left nothing behind").hasSize(1);
        }
    }

    @Test
    void dataThatDoesNotConformIsRefusedWithTheViolation() throws IOException {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store"));
        try (ServedStore served = m.start()) {
            Files.writeString(home.resolve("data/levers.ttl"),
                "\nlever:orphan a skos:Concept , aam:Lever ; skos:prefLabel \"Sans schéma\"@fr .\n", StandardOpenOption.APPEND);
            LoadReport refused = m.reload();
            assertThat(refused.outcome()).isEqualTo(LoadReport.Outcome.FAILED);
            assertThat(refused.error()).contains("SHACL").contains("lever/orphan");
            assertThat(count(served, COUNT_LEVERS)).isEqualTo(18);
        }
    }

    /**
     * A data file is validated with what the rest of the dataset says about the resources it describes: an actor of
     * the shared actors.ttl given a second basis for its place (at most one) by a document's file is refused, while
     * the shared files themselves are not validated again (they did not change).
     */
    @Test
    void aDataFileThatBreaksAResourceOfASharedFileIsRefused() throws IOException {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store"));
        try (ServedStore served = m.start()) {
            Files.writeString(home.resolve("data/landes-roadmap-2024.ttl"),
                "\nactor:ars-nouvelle-aquitaine aam:placeBasis <https://w3id.org/attractivite-autonomie/id/basis/document-scope> .\n",
                StandardOpenOption.APPEND);
            LoadReport refused = m.reload();
            assertThat(refused.outcome()).isEqualTo(LoadReport.Outcome.FAILED);
            assertThat(refused.error()).contains("data/landes-roadmap-2024.ttl").contains("SHACL")
                .contains("actor/ars-nouvelle-aquitaine").contains("placeBasis");
            assertThat(served.current().info().dataHash()).isEqualTo(m.history().get(1).dataHash());
        }
    }

    @Test
    void aRestartOnUnchangedFilesReopensTheSameGenerationAndRemovesLeftovers() throws IOException {
        Path home = copyWorkingCopy("home");
        String name;
        try (ServedStore served = maintenance(home, tmp.resolve("store")).start()) {
            name = served.current().name();
        }
        Path leftover = Files.createDirectories(tmp.resolve("store/gen-20000101-000000-000-9/tdb"));
        Files.writeString(leftover.resolve("junk"), "an interrupted build");
        StoreMaintenance again = maintenance(home, tmp.resolve("store"));
        try (ServedStore served = again.start()) {
            assertThat(again.lastLoad().outcome()).isEqualTo(LoadReport.Outcome.UNCHANGED);
            assertThat(served.current().name()).isEqualTo(name);
            assertThat(Files.exists(leftover)).isFalse();
            assertThat(count(served, COUNT_LEVERS)).isEqualTo(18);
        }
    }

    /**
     * A reload copies the unchanged files' graphs from the previous generation; the result must be the same data, to
     * the byte, as a fresh load of the same files into an empty store.
     */
    @Test
    void incrementalAndFreshLoadsGiveByteIdenticalDumps() throws IOException {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store-a"));
        try (ServedStore served = m.start()) {
            Files.writeString(home.resolve("data/landes-roadmap-2024.ttl"),
                "\ninitiative:test-ajout rdfs:comment \"ajout pour le test\"@fr .\n", StandardOpenOption.APPEND);
            assertThat(m.reload().outcome()).isEqualTo(LoadReport.Outcome.LOADED);
            byte[] incremental = dump(served);
            try (ServedStore fresh = maintenance(home, tmp.resolve("store-b")).start()) {
                assertThat(new String(dump(fresh), StandardCharsets.UTF_8)).isEqualTo(new String(incremental, StandardCharsets.UTF_8));
            }
            assertThat(new String(incremental, StandardCharsets.UTF_8)).contains("ajout pour le test");
        }
    }

    @Test
    void aBackupRestoresTheDataExactly() throws IOException {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store"));
        try (ServedStore served = m.start()) {
            byte[] before = dump(served);
            StoreMaintenance.Backup backup = m.backup();
            assertThat(m.backups()).extracting(StoreMaintenance.Backup::name).contains(backup.name());

            String changed = Files.readString(home.resolve("data/levers.ttl")).replace("\"Image et communication\"@fr", "\"Image\"@fr");
            LoadReport upload = m.upload("levers", new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
            assertThat(upload.outcome()).as(String.valueOf(upload.error())).isEqualTo(LoadReport.Outcome.LOADED);
            assertThat(Files.readString(home.resolve("data/levers.ttl"))).as("the upload is kept in data/").isEqualTo(changed);
            assertThat(dump(served)).isNotEqualTo(before);

            assertThat(m.restore(backup.name()).outcome()).isEqualTo(LoadReport.Outcome.LOADED);
            assertThat(new String(dump(served), StandardCharsets.UTF_8)).isEqualTo(new String(before, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> m.restore("../../etc/passwd")).isInstanceOf(StoreMaintenance.UnknownBackupException.class);
        }
    }

    @Test
    void anInvalidUploadChangesNeitherTheStoreNorTheFile() throws IOException {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store"));
        try (ServedStore served = m.start()) {
            String original = Files.readString(home.resolve("data/levers.ttl"));
            StoreGeneration g = served.current();
            LoadReport r = m.upload("levers", new ByteArrayInputStream("@prefix x: <http://x/> .\nx:a x:b ".getBytes(StandardCharsets.UTF_8)), Lang.TURTLE);
            assertThat(r.outcome()).isEqualTo(LoadReport.Outcome.FAILED);
            assertThat(r.error()).contains("data/levers.ttl");
            assertThat(served.current()).isSameAs(g);
            assertThat(Files.readString(home.resolve("data/levers.ttl"))).isEqualTo(original);
            assertThatThrownBy(() -> m.upload("no-such-graph", new ByteArrayInputStream(new byte[0]), Lang.TURTLE))
                .isInstanceOf(StoreMaintenance.UnknownGraphException.class);
        }
    }

    /**
     * Readers query without pause while reloads switch the data back and forth between two versions and some reloads
     * fail: no query fails, and every answer is entirely the old data or entirely the new (two facts changed
     * together are always seen together).
     */
    @Test
    void readersDuringReloadsSeeOldOrNewDataNeverAMixAndNeverFail() throws Exception {
        Path home = copyWorkingCopy("home");
        StoreMaintenance m = maintenance(home, tmp.resolve("store"));
        Path levers = home.resolve("data/levers.ttl");
        String original = Files.readString(levers);
        String marked = original + "\nlever:image rdfs:comment \"marque A\"@fr .\nlever:recrutement rdfs:comment \"marque B\"@fr .\n";
        String broken = original + "\nlever:broken skos:prefLabel ] .\n";
        String q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(?c) AS ?n) WHERE { ?l rdfs:comment ?c FILTER(STRSTARTS(STR(?c), \"marque \")) }";
        try (ServedStore served = m.start()) {
            LocalSparqlRunner runner = new LocalSparqlRunner(served, Duration.ofSeconds(10), new fr.aam.sparql.RunningQueries());
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger answers = new AtomicInteger();
            AtomicReference<String> problem = new AtomicReference<>();
            List<Thread> readers = List.of(1, 2, 3).stream().map(i -> new Thread(() -> {
                while (!stop.get() && problem.get() == null) {
                    try {
                        long n = ((Number) runner.run(QueryFactory.create(q), BindingFactory.empty()).rows().next()
                            .get(org.apache.jena.sparql.core.Var.alloc("n")).getLiteralValue()).longValue();
                        if (n != 0 && n != 2) problem.set("a mixed answer: " + n);
                        answers.incrementAndGet();
                    } catch (RuntimeException e) {
                        problem.set("a failed query: " + e);
                    }
                }
            })).toList();
            readers.forEach(Thread::start);
            for (String content : List.of(marked, original, broken, marked, broken, original)) {
                Files.writeString(levers, content);
                LoadReport r = m.reload();
                assertThat(r.outcome()).isEqualTo(content == broken ? LoadReport.Outcome.FAILED : LoadReport.Outcome.LOADED);
            }
            stop.set(true);
            for (Thread t : readers) t.join(30_000);
            assertThat(problem.get()).isNull();
            assertThat(answers.get()).isGreaterThan(20);
        }
    }

    static StoreMaintenance maintenance(Path home, Path store) {
        StoreLayout layout = new StoreLayout(store);
        GenerationBuilder builder = new GenerationBuilder(layout, BASE, List.of(), List.of());
        List<String> context = new StoreSettings(null, 0).contextFiles();
        return new StoreMaintenance(layout, () -> SourceFiles.scan(ProjectGraph.GRAPH_BASE, home, context,
            home.resolve("ontology"), home.resolve("data")), builder, ProjectGraph.GRAPH_BASE, 3);
    }

    private static long count(ServedStore served, String query) {
        var rows = new LocalSparqlRunner(served, Duration.ofSeconds(10), new fr.aam.sparql.RunningQueries()).run(QueryFactory.create(query), BindingFactory.empty()).rows();
        return ((Number) rows.next().get(org.apache.jena.sparql.core.Var.alloc("n")).getLiteralValue()).longValue();
    }

    private static byte[] dump(ServedStore served) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(served.current().nquadsGz()))) {
            in.transferTo(out);
        }
        return out.toByteArray();
    }

    private List<Path> generationFolders() throws IOException {
        try (var s = Files.list(tmp.resolve("store"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("gen-")).toList();
        }
    }

    private Path copyWorkingCopy(String name) throws IOException {
        return ProjectGraph.copyWorkingCopy(tmp.resolve(name), "ontology", "data");
    }
}
