package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import fr.aam.store.LoadReport;
import fr.aam.store.StoreMaintenance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query side of the W3C SPARQL 1.1 Protocol test suite ({@code ../shared/conformance/sparql11-protocol/manifest.ttl}),
 * read with Jena and replayed request by request over real HTTP against the real server and a real TDB2 store.
 *
 * <p>The server runs on a temporary copy of the working copy (ontology/, data/, queries/) plus a generated
 * {@code data/zz-w3c-protocol-tests.trig} holding the suite's data files, each in the named graph the manifest names
 * it by (the {@code rdfs:label} of its {@code ut:graphData}). The {@code update_*} tests are not run: the endpoint is
 * read-only by design (that updates are refused is {@link SparqlEndpointTest#updatesAreRefused()}).
 *
 * <p>Protocol-specified datasets ({@code default-graph-uri}, {@code named-graph-uri}, and {@code FROM} in the query)
 * are answered by Fuseki from the store's own named graphs only: a graph the store does not hold is an empty graph,
 * nothing is ever fetched from the web. The suite's data files are therefore loaded under the names the tests use;
 * {@code data0.rdf}, which no test provides, is simply empty (every test naming it queries {@code {}}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProtocolConformanceTest {

    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";

    /** Every ht:absolutePath of the manifest starts with this; the suite says to replace it with the endpoint's path. */
    static final String MANIFEST_PREFIX = "/sparql/";
    /** Our documented endpoint, the dataset URL; Fuseki answers the slashed form too (see the test below). */
    static final String ENDPOINT = "/sparql";
    static final String TEST_DATA_FILE = "zz-w3c-protocol-tests.trig";

    @TempDir static Path tmp;
    static Path manifestDir;

    @DynamicPropertySource
    static void workingCopy(DynamicPropertyRegistry r) {
        r.add("aam.home", () -> home().toString());
        r.add("aam.store", () -> tmp.resolve("tdb2").toString());
    }

    @LocalServerPort int port;
    @Autowired StoreMaintenance store;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void findTheSuite() {
        manifestDir = suiteDir();
        // The suite is part of the project's test resources: missing, it is a failure, never a skip.
        org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(manifestDir.resolve("manifest.ttl")),
            "W3C SPARQL 1.1 Protocol manifest not found at " + manifestDir);
    }

    /**
     * One dynamic test per query-side entry of the manifest, each request sent as written (method, headers, body in
     * its cnt:characterEncoding, no Accept unless the test gives one), its status class and 2xx format checked.
     * Every query-side W3C expectation is met as is; nothing is adapted. How some of them are met, as observed:
     * <ul>
     * <li>query_get, query_post_form, query_content_type_*: {@code default-graph-uri=…/data0.rdf} names a graph no test
     *     provides; it is an empty graph of our store, which these queries ({@code {}}) do not need.</li>
     * <li>bad_query_wrong_media_type, bad_query_missing_form_type, bad_query_missing_direct_type: 405 from Fuseki's
     *     dispatcher (no operation registered on /sparql accepts that POST), a 4xx as the suite asks.</li>
     * <li>bad_query_non_utf8: Fuseki does not check the charset parameter; it reads the UTF-16 bytes as UTF-8 and the
     *     parser rejects them with 400. A 4xx as asked, for that reason.</li>
     * <li>bad_query_method: PUT on /sparql is 405 (GSP write is not registered).</li>
     * </ul>
     */
    @TestFactory
    Stream<DynamicTest> w3cQueryTests() {
        assertThat(store.lastLoad().outcome()).as("the store must load the working copy plus the W3C test graphs: %s",
            store.lastLoad().error()).isEqualTo(LoadReport.Outcome.LOADED);
        List<W3cTest> all = Manifest.read(manifestDir.resolve("manifest.ttl")).tests();
        List<DynamicTest> run = new ArrayList<>();
        for (W3cTest t : all) {
            if (t.isUpdate()) {
                System.out.println("[W3C protocol] skipped " + t.id() + " (" + t.name() + "): update operation, the "
                    + "endpoint is read-only by design; refusal of updates is SparqlEndpointTest#updatesAreRefused");
                continue;
            }
            run.add(DynamicTest.dynamicTest(t.id() + " — " + t.name(), () -> execute(t)));
        }
        assertThat(run).as("query-side tests found in the manifest").isNotEmpty();
        return run.stream();
    }

    /**
     * The manifest's paths end the endpoint with a slash ({@code /sparql/?query=…}); the runner above maps them to the
     * documented {@code /sparql}, and Fuseki's dispatcher answers the slashed form the same way.
     */
    @Test
    void theManifestsSlashedPathReachesTheSameEndpoint() {
        HttpResponse<String> r = http().get("/sparql/?query=" + enc("ASK {}"), "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ResultsReader.create().lang(ResultSetLang.RS_JSON).build().readAny(
            new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).getBooleanResult()).isTrue();
    }

    /**
     * The W3C dataset tests (query_dataset_*, query_multiple_dataset) would also pass if the protocol dataset were
     * ignored, since the union default graph holds data1…data3 anyway. This pins what Fuseki actually does with a
     * protocol-specified dataset on our store: it is built from the store's own named graphs (a name the store does
     * not hold is an empty graph, never fetched from the web), it replaces the union, and it overrides FROM.
     */
    @Test
    void protocolDatasetIsBuiltFromTheStoresOwnNamedGraphs() {
        String data1 = "http://kasei.us/2009/09/sparql/data/data1.rdf";
        String data2 = "http://kasei.us/2009/09/sparql/data/data2.rdf";
        String data3 = "http://kasei.us/2009/09/sparql/data/data3.rdf";
        assertThat(ask("ASK { <" + data1 + "> a ?t }", "default-graph-uri=" + enc(data1))).isTrue();
        assertThat(ask("ASK { <" + data2 + "> a ?t }", "default-graph-uri=" + enc(data1)))
            .as("only the named default graph, not the union").isFalse();
        assertThat(ask("ASK { ?s ?p ?o }", "named-graph-uri=" + enc(data1)))
            .as("named graphs only: the default graph is empty").isFalse();
        assertThat(ask("ASK { GRAPH ?g { <" + data2 + "> a ?t } }", "named-graph-uri=" + enc(data1))).isFalse();
        assertThat(ask("ASK { ?s ?p ?o }", "default-graph-uri=" + enc("http://example.org/not-in-the-store")))
            .as("a graph the store does not hold is empty, not fetched").isFalse();
        assertThat(ask("ASK FROM <" + data3 + "> { <" + data3 + "> a ?t }", null)).isTrue();
        assertThat(ask("ASK FROM <" + data3 + "> { <" + data1 + "> a ?t }", null)).as("FROM selects the graph").isFalse();
        assertThat(ask("ASK FROM <" + data3 + "> { <" + data1 + "> a ?t }", "default-graph-uri=" + enc(data1)))
            .as("the protocol dataset overrides FROM").isTrue();
    }

    private boolean ask(String query, String datasetParams) {
        HttpResponse<String> r = http().get("/sparql?query=" + enc(query) + (datasetParams == null ? "" : "&" + datasetParams),
            "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).as(query + " " + datasetParams + "\n" + r.body()).isEqualTo(200);
        return ResultsReader.create().lang(ResultSetLang.RS_JSON).build()
            .readAny(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8))).getBooleanResult();
    }

    private HttpClientSupport http() { return new HttpClientSupport(port); }

    private void execute(W3cTest t) {
        for (W3cRequest req : t.requests()) {
            HttpResponse<byte[]> r = send(req);
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            String what = t.id() + ": " + req.method() + " " + endpointPath(req.absolutePath()) + " → " + r.statusCode()
                + " " + contentType + "\n" + preview(r);
            assertThat(req.expectedStatusClasses()).as(what).contains(r.statusCode() / 100);
            if (r.statusCode() / 100 == 2 && req.expectedFormat() != null) {
                checkFormat(req, contentType, r.body(), what);
            }
        }
    }

    /** Checks the body is in the expected kind of format, by parsing it with Jena according to its Content-Type. */
    private static void checkFormat(W3cRequest req, String contentType, byte[] body, String what) {
        Lang lang = RDFLanguages.contentTypeToLang(contentType.split(";")[0].trim());
        switch (req.expectedFormat()) {
            case "boolean" -> {
                // the test's name: "expect one of: XML, JSON"
                assertThat(lang).as(what).isIn(ResultSetLang.RS_XML, ResultSetLang.RS_JSON);
                SPARQLResult result = ResultsReader.create().lang(lang).build().readAny(new ByteArrayInputStream(body));
                assertThat(result.isBoolean()).as(what).isTrue();
                if (req.expectedBoolean() != null) assertThat(result.getBooleanResult()).as(what).isEqualTo(req.expectedBoolean());
            }
            case "tabular" -> {
                // "expect one of: XML, JSON, CSV, TSV"
                assertThat(lang).as(what).isIn(ResultSetLang.RS_XML, ResultSetLang.RS_JSON, ResultSetLang.RS_CSV, ResultSetLang.RS_TSV);
                SPARQLResult result = ResultsReader.create().lang(lang).build().readAny(new ByteArrayInputStream(body));
                assertThat(result.isResultSet()).as(what).isTrue();
                result.getResultSet().forEachRemaining(row -> { });
            }
            case "RDF" -> {
                // "expect one of: RDF/XML, Turtle, N-Triples, RDFa" (RDFa: no parser in Jena, and Fuseki never sends it)
                assertThat(lang).as(what).isIn(Lang.RDFXML, Lang.TURTLE, Lang.NTRIPLES);
                Graph g = GraphFactory.createDefaultGraph();
                RDFParser.source(new ByteArrayInputStream(body)).lang(lang).parse(g);
            }
            default -> throw new AssertionError("unknown mf:expectedFormat " + req.expectedFormat() + " in " + what);
        }
    }

    /** The manifest's {@code /sparql/…} on our endpoint: {@code /sparql/?query=…} → {@code /sparql?query=…}. */
    static String endpointPath(String absolutePath) {
        if (!absolutePath.startsWith(MANIFEST_PREFIX)) throw new IllegalArgumentException("not under /sparql/: " + absolutePath);
        return ENDPOINT + absolutePath.substring(MANIFEST_PREFIX.length());
    }

    private HttpResponse<byte[]> send(W3cRequest req) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpointPath(req.absolutePath())));
        req.headers().forEach(b::header);
        b.method(req.method(), req.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(req.body().getBytes(Charset.forName(req.bodyEncoding()))));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String preview(HttpResponse<byte[]> r) {
        String s = new String(r.body(), StandardCharsets.UTF_8);
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    // ---- the suite and the temporary working copy ----

    /** The suite, copied into the test resources with its W3C licence notice (LICENSE.md there). */
    static Path suiteDir() {
        String configured = System.getProperty("aam.conformance.protocol");
        if (configured != null && !configured.isBlank()) return Path.of(configured).toAbsolutePath();
        return ProjectGraph.home().resolve("server/src/test/resources/w3c/sparql11-protocol");
    }

    private static Path home;

    /** A copy of ontology/, data/ and queries/, plus the suite's data files as named graphs, made once. */
    static synchronized Path home() {
        if (home != null) return home;
        try {
            Path h = tmp.resolve("home");
            for (String dir : new String[] {"ontology", "data", "queries"}) {
                Files.createDirectories(h.resolve(dir));
                try (Stream<Path> s = Files.list(ProjectGraph.home().resolve(dir))) {
                    for (Path p : s.filter(Files::isRegularFile).toList()) Files.copy(p, h.resolve(dir).resolve(p.getFileName()));
                }
            }
            writeTestGraphs(Manifest.read(suiteDir().resolve("manifest.ttl")).graphData(), h.resolve("data").resolve(TEST_DATA_FILE));
            home = h;
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each data file's triples in a GRAPH block named by its label: {@code data1.nt} → {@code <…/data/data1.rdf>}. */
    static void writeTestGraphs(Map<String, String> fileToGraph, Path trig) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        fileToGraph.forEach((file, graphName) -> {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(file).lang(Lang.NTRIPLES).parse(g);
            dsg.addGraph(NodeFactory.createURI(graphName), g);
        });
        try (OutputStream out = Files.newOutputStream(trig)) {
            out.write(("# Generated by ProtocolConformanceTest from the W3C SPARQL 1.1 Protocol suite's data files.\n")
                .getBytes(StandardCharsets.UTF_8));
            RDFDataMgr.write(out, dsg, Lang.TRIG);
        }
    }

    // ---- the manifest, read with Jena ----

    record W3cRequest(String method, String absolutePath, Map<String, String> headers, String body, String bodyEncoding,
                      Set<Integer> expectedStatusClasses, String expectedFormat, Boolean expectedBoolean) {}

    record W3cTest(String id, String name, List<W3cRequest> requests) {
        /**
         * update_*, bad_update_*, bad_multiple_updates: operations our read-only endpoint does not offer. Everything
         * else is query-side and runs, including bad_multiple_queries (a query test though not named bad_query_*).
         */
        boolean isUpdate() { return id.contains("update"); }
    }

    record Manifest(List<W3cTest> tests, Map<String, String> graphData) {

        static Manifest read(Path manifest) {
            Model m = RDFDataMgr.loadModel(manifest.toUri().toString());
            Resource root = m.listSubjectsWithProperty(p(MF, "entries")).nextResource();
            List<W3cTest> tests = new ArrayList<>();
            Map<String, String> graphData = new LinkedHashMap<>();
            for (RDFNode entry : list(root, p(MF, "entries"))) {
                Resource t = entry.asResource();
                String uri = t.getURI();
                String id = uri.substring(uri.lastIndexOf('#') + 1);
                for (Statement gd : t.listProperties(p(UT, "graphData")).toList()) {
                    Resource d = gd.getResource();
                    graphData.put(d.getPropertyResourceValue(p(UT, "graph")).getURI(), d.getProperty(RDFS.label).getString());
                }
                List<W3cRequest> requests = new ArrayList<>();
                for (RDFNode rn : list(t.getPropertyResourceValue(p(MF, "action")), p(HT, "requests"))) {
                    requests.add(request(rn.asResource()));
                }
                tests.add(new W3cTest(id, t.getProperty(p(MF, "name")).getString(), requests));
            }
            return new Manifest(tests, graphData);
        }

        private static W3cRequest request(Resource r) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (r.hasProperty(p(HT, "headers"))) {
                for (RDFNode h : list(r, p(HT, "headers"))) {
                    headers.put(h.asResource().getProperty(p(HT, "fieldName")).getString(),
                        h.asResource().getProperty(p(HT, "fieldValue")).getString());
                }
            }
            Resource body = r.getPropertyResourceValue(p(HT, "body"));
            Resource resp = r.getPropertyResourceValue(p(HT, "resp"));
            Set<Integer> classes = new TreeSet<>();
            for (Statement s : resp.listProperties(p(MF, "expectedStatus")).toList()) {
                String code = s.getResource().getLocalName();   // hts:StatusCode2xx
                classes.add(Character.getNumericValue(code.charAt("StatusCode".length())));
            }
            return new W3cRequest(r.getProperty(p(HT, "methodName")).getString(), r.getProperty(p(HT, "absolutePath")).getString(),
                headers,
                body == null ? null : body.getProperty(p(CNT, "chars")).getString(),
                body == null || !body.hasProperty(p(CNT, "characterEncoding")) ? "UTF-8"
                    : body.getProperty(p(CNT, "characterEncoding")).getString(),
                classes,
                resp.hasProperty(p(MF, "expectedFormat")) ? resp.getProperty(p(MF, "expectedFormat")).getString() : null,
                resp.hasProperty(p(MF, "expectedBoolean")) ? resp.getProperty(p(MF, "expectedBoolean")).getBoolean() : null);
        }

        private static List<RDFNode> list(Resource subject, Property p) {
            return subject.getPropertyResourceValue(p).as(org.apache.jena.rdf.model.RDFList.class).asJavaList();
        }

        private static Property p(String ns, String local) { return ResourceFactory.createProperty(ns, local); }
    }
}
