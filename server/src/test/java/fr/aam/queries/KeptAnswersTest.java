package fr.aam.queries;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.RunningQueries;
import fr.aam.sparql.SparqlRunner;
import fr.aam.store.GenerationBuilder;
import fr.aam.store.LoadReport;
import fr.aam.store.ServedStore;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreLayout;
import fr.aam.store.StoreMaintenance;
import fr.aam.store.StoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers kept per data version, on a real TDB2 store whose engine queries are counted: a full page's total is
 * counted once; the next pages of a request are cut from the rows its first page kept, and are the rows the engine
 * gives for that page; a reload that changes the data drops them all; the rows kept stay within their bound; the
 * answers computed ahead at start are then answered without a query.
 */
class KeptAnswersTest {

    @TempDir Path tmp;
    private Path home;
    private StoreMaintenance maintenance;
    private ServedStore served;
    private LocalSparqlRunner store;
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger counts = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        home = ProjectGraph.copyWorkingCopy(tmp.resolve("home"), "ontology", "data", "queries");
        StoreLayout layout = new StoreLayout(tmp.resolve("store"));
        String graphBase = ProjectGraph.GRAPH_BASE;
        maintenance = new StoreMaintenance(layout, () -> SourceFiles.scan(graphBase, home,
            new StoreSettings(null, 0).contextFiles(), home.resolve("ontology"), home.resolve("data")),
            new GenerationBuilder(layout, graphBase.substring(0, graphBase.length() - "graph/".length()), List.of(), List.of()),
            graphBase, 3);
        served = maintenance.start();
        store = new LocalSparqlRunner(served, Duration.ofSeconds(30), new RunningQueries());
    }

    @AfterEach
    void stop() { served.close(); }

    /**
     * The store, each query it runs counted (and the total counts apart) but the ASKs that check a parameter's value
     * is allowed (one point lookup each).
     */
    private final SparqlRunner counted = new SparqlRunner() {
        @Override public QueryResult run(Query q, Binding b) {
            if (!q.isAskType()) queries.incrementAndGet();
            if (q.isSelectType() && q.getResultVars().equals(List.of("total"))) counts.incrementAndGet();
            return store.run(q, b);
        }
        @Override public Map<String, String> prefixes() { return store.prefixes(); }
        @Override public String dataVersion() { return store.dataVersion(); }
    };

    private CannedQueryService service(long keptRows) { return service(keptRows, StoredAnswers.none()); }

    private CannedQueryService service(long keptRows, StoredAnswers stored) {
        return new CannedQueryService(QueryCatalog.read(home.resolve("queries")), counted, new ParameterValues(counted),
            10_000, keptRows, stored);
    }

    @Test
    void totalOfAFullPageIsCountedOncePerDataVersion() throws IOException {
        CannedQueryService service = service(50_000);
        long all = rows(service, "10000", "0").size();
        assertThat(all).isGreaterThan(2);
        assertThat(total(service, "2")).isEqualTo(all);
        assertThat(counts.get()).as("the whole answer was kept by the first request: no count needed").isZero();

        CannedQueryService counting = service(0);   // nothing kept: the engine counts
        assertThat(total(counting, "2")).isEqualTo(all);
        assertThat(counts.get()).isEqualTo(1);

        // one more mapping of a document's axis onto a reference lever: one more row of the crosswalk
        Files.writeString(home.resolve("data/cspams-paca-toolbox.ttl"),
            "\naxis:cspams-axe-2 skos:closeMatch lever:image .\n", StandardOpenOption.APPEND);
        assertThat(maintenance.reload().outcome()).isEqualTo(LoadReport.Outcome.LOADED);
        assertThat(total(service, "2")).as("the new data's total, computed anew").isEqualTo(all + 1);
        assertThat(rows(service, "10000", "0")).hasSize((int) all + 1);
    }

    @Test
    void nextPagesAreCutFromTheRowsTheFirstKeptAndAreTheEnginesPages() {
        CannedQueryService service = service(50_000);
        List<Binding> first = rows(service, "3", "0");
        int afterFirst = queries.get();
        List<Binding> second = rows(service, "3", "3");
        List<Binding> chart = rows(service, "1000", "0");
        assertThat(queries.get()).as("pages within the kept rows run no query").isEqualTo(afterFirst);
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        assertThat(chart.subList(0, 6)).containsExactlyElementsOf(concat(first, second));

        CannedQueryService direct = service(0);
        assertThat(rows(direct, "3", "3")).as("the engine's own second page").containsExactlyElementsOf(second);
    }

    @Test
    void rowsKeptStayWithinTheirBound() {
        CannedQueryService service = service(300);
        for (String id : List.of("lever-crosswalk", "figures", "indicators", "initiatives-by-lever", "sources")) {
            service.page(service.prepare(id, Map.of("limit", List.of("50"))));
            assertThat(service.keptRows()).isLessThanOrEqualTo(300);
        }
        assertThat(service.keptRows()).as("something is kept within the bound").isPositive();
    }

    @Test
    void answersComputedAheadAreAnsweredWithoutAQuery() throws Exception {
        CannedQueryService service = service(50_000);
        warm(service);
        int before = queries.get();
        List<AnswerWarmup.Request> requests = AnswerWarmup.requests(service.catalog());
        assertThat(requests).hasSizeGreaterThan(service.catalog().all().size());
        for (AnswerWarmup.Request req : requests) {
            Map<String, List<String>> params = new java.util.HashMap<>(req.params());
            params.put("limit", List.of("50"));   // the web page's first page
            PreparedRequest r = service.prepare(req.queryId(), params);
            QueryResult page = service.page(r);
            service.total(r, page);
        }
        // CONSTRUCT queries are not kept (their graphs are small: a dataset's description); every SELECT is
        long graphQueries = service.catalog().all().values().stream().filter(q -> !q.query().isSelectType()).count();
        assertThat(queries.get() - before).isEqualTo((int) graphQueries);
    }

    @Test
    void answersComputedAheadAreReadBackAfterARestartOnTheSameStore() throws Exception {
        StoredAnswers stored = new StoredAnswers(version -> version.equals(served.current().name())
            ? served.current().dir().resolve("answers") : null);
        CannedQueryService first = service(50_000, stored);
        AnswerWarmup.Run computed = warm(first);
        long graphRequests = AnswerWarmup.requests(first.catalog()).stream()
            .filter(r -> !first.catalog().get(r.queryId()).query().isSelectType()).count();
        assertThat(computed.read()).isZero();
        assertThat(computed.failed()).isZero();
        assertThat(Files.list(served.current().dir().resolve("answers")).filter(f -> f.toString().endsWith(".trdf")).count())
            .as("one file of rows per SELECT request, in the generation's directory").isEqualTo(computed.computed() - graphRequests);

        // a restart on the same store: nothing in memory, the answers read back instead of computed — by a visitor
        // who asks before the warm-up reaches that request as well
        CannedQueryService visited = service(50_000, stored);
        int before = queries.get();
        PreparedRequest crosswalk = visited.prepare("lever-crosswalk", Map.of("limit", List.of("1")));
        assertThat(visited.total(crosswalk, visited.page(crosswalk))).isPositive();
        assertThat(queries.get() - before).as("a visitor's first request, answered as stored").isZero();

        CannedQueryService restarted = service(50_000, stored);
        before = queries.get();
        AnswerWarmup.Run read = warm(restarted);
        assertThat(read.read()).isEqualTo(computed.computed() - graphRequests);
        assertThat(queries.get() - before).as("queries run by the warm-up after the restart: the graph ones only")
            .isEqualTo((int) graphRequests);
        before = queries.get();
        int answered = 0;
        for (AnswerWarmup.Request req : AnswerWarmup.requests(first.catalog())) {
            if (!first.catalog().get(req.queryId()).query().isSelectType()) continue;
            PreparedRequest a = first.prepare(req.queryId(), req.params());
            PreparedRequest b = restarted.prepare(req.queryId(), req.params());
            QueryResult pageA = first.page(a), pageB = restarted.page(b);
            List<Binding> rowsA = new ArrayList<>(), rowsB = new ArrayList<>();
            pageA.rows().forEachRemaining(rowsA::add);
            pageB.rows().forEachRemaining(rowsB::add);
            assertThat(rowsB).as(req.queryId() + " " + req.label() + ": the rows read back").isEqualTo(rowsA);
            if (!rowsA.isEmpty()) answered++;   // search's is empty: no text index on this store
            pageA.rows().reset();
            pageB.rows().reset();
            assertThat(restarted.total(b, pageB)).as(req.queryId() + " " + req.label() + ": its total").isEqualTo(first.total(a, pageA));
        }
        assertThat(queries.get() - before).as("pages and totals of the answers read back: no query").isZero();
        assertThat(answered).as("requests with rows").isGreaterThan(20);
    }

    private AnswerWarmup.Run warm(CannedQueryService service) throws Exception {
        try (AnswerWarmup warmup = new AnswerWarmup(service, counted::dataVersion, new RunningQueries())) {
            warmup.start();
            warmup.awaitDone();
            return warmup.lastRun();
        }
    }

    private static List<Binding> concat(List<Binding> a, List<Binding> b) {
        List<Binding> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static long total(CannedQueryService service, String limit) {
        PreparedRequest r = service.prepare("lever-crosswalk", Map.of("limit", List.of(limit)));
        return service.total(r, service.page(r));
    }

    private static List<Binding> rows(CannedQueryService service, String limit, String offset) {
        PreparedRequest r = service.prepare("lever-crosswalk", Map.of("limit", List.of(limit), "offset", List.of(offset)));
        List<Binding> out = new ArrayList<>();
        service.page(r).rows().forEachRemaining(out::add);
        return out;
    }
}
