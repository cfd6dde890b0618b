package fr.aam.remote;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.aam.AamApplication;
import fr.aam.graph.ProjectGraph;
import fr.aam.queries.CannedQuery;
import fr.aam.queries.QueryParam;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import fr.aam.store.LoadReport;
import fr.aam.web.HttpClientSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application in remote mode against a real SPARQL engine started as a separate process: it loads the working
 * copy's files into the engine (Graph Store Protocol), and then every canned query — with its example parameters and
 * with none — answers through the API exactly what Jena answers in-process on the same files (so the .rq files are
 * plain SPARQL 1.1), resource pages, the VoID description and the dumps come from the engine, and /sparql is a
 * read-only proxy to it. One subclass per engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteEngineContract {

    static final String ID = "https://w3id.org/attractivite-autonomie/id/";
    /** The maintainer's account: the health details (triples, last load) are shown to it only. */
    static final String ADMIN_PASSWORD = "remote-engine-test";
    static final String ADMIN = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** Canned queries that need the embedded store's French text index (jena-text's text:query): 501 in remote mode. */
    static final Set<String> NEED_THE_TEXT_INDEX = Set.of("search");

    EngineProcess engine;
    Path staging;
    ConfigurableApplicationContext app;
    HttpClientSupport http;
    ReferenceAnswers reference;

    abstract EngineProcess newEngine();

    /** Canned queries this engine answers differently from SPARQL 1.1, each with the engine's documented deviation. */
    Map<String, Set<Deviation>> knownDeviations() { return Map.of(); }

    @BeforeAll
    void startEngineAndApplication(@TempDir Path dir) throws Exception {
        engine = newEngine();
        engine.start(dir, Duration.ofSeconds(60));
        staging = dir.resolve("staging-store");
        app = startApplication();
        http = new HttpClientSupport(((WebServerApplicationContext) app).getWebServer().getPort());
        reference = ReferenceAnswers.get();
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) app.close();
        if (engine != null) engine.close();
    }

    ConfigurableApplicationContext startApplication() {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--aam.home=" + ProjectGraph.home(), "--aam.store=" + staging,
            "--aam.remote.query-endpoint=" + engine.queryEndpoint(), "--aam.remote.graph-store=" + engine.graphStore(),
            "--logging.level.root=WARN", "--logging.level.fr.aam=INFO",
            "--aam.admin.password-hash=" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD)));
        if (engine.username() != null) {
            args.add("--aam.remote.username=" + engine.username());
            args.add("--aam.remote.password=" + engine.password());
        }
        return new SpringApplicationBuilder(AamApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void loadsTheFilesIntoTheEngineAndARestartFindsThemThere() {
        assertThat(app.getBean(LoadReport.class).outcome()).isEqualTo(LoadReport.Outcome.LOADED);
        long expected = ProjectGraph.dataset().stream().count();
        assertThat(http.get("/actuator/health").body()).as("no details for the public").contains("\"status\":\"UP\"").doesNotContain("triples");
        HttpResponse<String> health = http.get("/actuator/health", "Authorization", ADMIN);
        assertThat(health.body()).contains("\"triples\":" + expected).contains("\"lastLoad\":\"LOADED\"");
        try (ConfigurableApplicationContext again = startApplication()) {
            assertThat(again.getBean(LoadReport.class).outcome()).as("hash recorded in the engine").isEqualTo(LoadReport.Outcome.UNCHANGED);
        }
    }

    /** Every canned query, with its example parameters and with none: the same answer as Jena in-process. */
    @TestFactory
    Stream<DynamicTest> everyCannedQueryAnswersAsJenaDoesInProcess() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CannedQuery q : reference.catalog().all().values()) {
            Map<String, List<String>> example = new LinkedHashMap<>();
            for (QueryParam p : q.params()) if (p.example() != null) example.put(p.name(), List.of(p.example()));
            tests.add(DynamicTest.dynamicTest(q.id() + " with its example parameters", () -> assertSameAnswer(q, example)));
            if (q.params().stream().noneMatch(QueryParam::required)) {
                tests.add(DynamicTest.dynamicTest(q.id() + " with no parameter", () -> assertSameAnswer(q, Map.of())));
            }
        }
        return tests.stream();
    }

    private void assertSameAnswer(CannedQuery q, Map<String, List<String>> params) {
        if (NEED_THE_TEXT_INDEX.contains(q.id())) {
            assertAnswersNotAvailable(q, params);
            return;
        }
        Set<Deviation> deviations = knownDeviations().getOrDefault(q.id(), Set.of());
        String deviation = deviations.isEmpty() ? null : deviations.stream().map(d -> d.reason).collect(Collectors.joining("; "));
        QueryResult expected = reference.answer(q.id(), params);
        StringBuilder url = new StringBuilder("/api/queries/" + q.id() + "?limit=10000");
        params.forEach((k, vs) -> vs.forEach(v -> url.append('&').append(k).append('=').append(enc(v))));
        boolean graph = expected.graph() != null;
        HttpResponse<String> r = http.get(url + (graph ? "&format=ntriples" : "&format=json"));
        assertThat(r.statusCode()).as(q.id() + ": " + r.body()).isEqualTo(200);
        if (graph) {
            Graph got = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(got);
            assertThat(got.isIsomorphicWith(expected.graph())).as(q.id() + " (" + got.size() + " triples, expected "
                + expected.graph().size() + ")" + (deviation == null ? "" : " — known deviation: " + deviation)).isTrue();
        } else {
            RowSet rows = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
            List<String> got = ComparableAnswer.of(q.query(), rows, deviations);
            List<String> want = ComparableAnswer.of(q.query(), expected.rows(), deviations);
            assertThat(want).as(q.id() + ": the reference answer is not empty").isNotEmpty();
            List<String> missing = new ArrayList<>(want);
            got.forEach(missing::remove);
            List<String> extra = new ArrayList<>(got);
            want.forEach(extra::remove);
            assertThat(missing.isEmpty() && extra.isEmpty()).as(q.id() + (deviation == null ? "" : " — known deviation: " + deviation)
                + ": " + got.size() + " rows, expected " + want.size() + "\nmissing: " + first(missing) + "\nextra: " + first(extra)).isTrue();
        }
    }

    /**
     * A query that needs the embedded text index has an answer in-process, and in remote mode a 501 that says why —
     * not the empty answer the engine would give to text:query as an ordinary triple pattern.
     */
    private void assertAnswersNotAvailable(CannedQuery q, Map<String, List<String>> params) {
        QueryResult expected = reference.answer(q.id(), params);
        assertThat(expected.rows().hasNext()).as(q.id() + ": the embedded store answers it").isTrue();
        StringBuilder url = new StringBuilder("/api/queries/" + q.id() + "?format=json");
        params.forEach((k, vs) -> vs.forEach(v -> url.append('&').append(k).append('=').append(enc(v))));
        HttpResponse<String> r = http.get(url.toString());
        assertThat(r.statusCode()).as(q.id() + ": " + r.body()).isEqualTo(501);
        assertThat(r.body()).contains("text:query").contains("remote SPARQL engine");
    }

    private static List<String> first(List<String> rows) { return rows.subList(0, Math.min(3, rows.size())); }

    @Test
    void resourcePagesVoidAndDumpsComeFromTheEngine() {
        HttpResponse<String> actor = http.get("/id/actor/le-centre", "Accept", "text/turtle");
        assertThat(actor.statusCode()).isEqualTo(200);
        assertThat(actor.body()).contains("Le Centre");
        assertThat(http.get("/id/actor/le-centre", "Accept", "text/html").body()).contains("<h1>Le Centre</h1>");
        assertThat(http.get("/id/actor/no-such-actor", "Accept", "text/turtle").statusCode()).isEqualTo(404);
        assertThat(http.get("/.well-known/void").statusCode()).isEqualTo(303);
        String dataset = http.get("/id/dataset", "Accept", "application/n-triples").body();
        assertThat(dataset).contains("<http://rdfs.org/ns/void#triples>");

        DatasetGraph dump = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(http.get("/dumps/attractivite-autonomie.nq").body(), Lang.NQUADS).parse(dump);
        DatasetGraph files = ProjectGraph.dataset();
        files.listGraphNodes().forEachRemaining(g ->    // every term as written, non-Latin-1 characters (…, —, ’) included
            assertThat(dump.getGraph(g).isIsomorphicWith(files.getGraph(g))).as("dumped " + g + " as loaded").isTrue());
        assertThat(http.get("/dumps/attractivite-autonomie.trig").body()).contains("<https://w3id.org/attractivite-autonomie/graph/levers> {").contains("Le Centre");
        HttpResponse<String> search = http.get("/api/search?q=domicile");
        assertThat(search.statusCode()).as("site search: " + search.body()).isEqualTo(501);
        assertThat(search.body()).contains("text:query");
    }

    @Test
    void sparqlIsAReadOnlyProxyToTheEngine() {
        String q = "SELECT ?label WHERE { <" + ID + "actor/le-centre> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";
        HttpResponse<String> get = http.get("/sparql?query=" + enc(q), "Accept", "application/sparql-results+json");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(get.body()).contains("Le Centre");
        HttpResponse<String> form = http.post("/sparql", "application/x-www-form-urlencoded", "query=" + enc(q), "Accept", "text/csv");
        assertThat(form.body()).contains("Le Centre");
        HttpResponse<String> direct = http.post("/sparql", "application/sparql-query", q, "Accept", "text/csv");
        assertThat(direct.body()).contains("Le Centre");
        HttpResponse<String> update = http.post("/sparql", "application/x-www-form-urlencoded", "update=" + enc("DROP ALL"));
        assertThat(update.statusCode()).isEqualTo(400);
        assertThat(update.body()).contains("read-only");
        assertThat(http.post("/sparql", "application/sparql-update", "DROP ALL").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/queries/lever-crosswalk?limit=1").statusCode()).as("data still there").isEqualTo(200);
        assertThat(http.get("/sparql").statusCode()).isEqualTo(400);
        HttpResponse<String> service = http.get("/sparql?query=" + enc("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"));
        assertThat(service.statusCode()).as("the public guard applies before the engine: " + service.body()).isEqualTo(400);
        HttpResponse<String> graph = http.get("/sparql?graph=" + enc("https://w3id.org/attractivite-autonomie/graph/levers"),
            "Accept", "application/n-triples");
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).contains(ID + "lever/image");
    }
}
