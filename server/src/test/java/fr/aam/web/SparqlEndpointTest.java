package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The SPARQL 1.1 Protocol on /sparql, over real HTTP, against a real TDB2 store in a temporary folder. */
class SparqlEndpointTest extends RunningServer {


    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String LEVERS = "PREFIX aam: <https://w3id.org/attractivite-autonomie/def#> "
        + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l ?label WHERE { ?l a aam:Lever ; skos:prefLabel ?label FILTER(lang(?label)='fr') } ORDER BY ?l";


    @Test
    void getQueryAnswersSparqlJsonOverTheUnionOfNamedGraphs() {
        HttpResponse<String> r = http.get("/sparql?query=" + enc(COUNT), "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+json");
        assertThat(r.body()).contains("\"n\"");
        long n = Long.parseLong(r.body().replaceAll("(?s).*\"value\"\\s*:\\s*\"(\\d+)\".*", "$1"));
        assertThat(n).as("default graph = union of the named graphs").isGreaterThan(1000);
    }

    @Test
    void resultFormatsAreNegotiated() {
        assertThat(http.get("/sparql?query=" + enc(LEVERS), "Accept", "application/sparql-results+xml").body()).contains("<sparql");
        HttpResponse<String> csv = http.get("/sparql?query=" + enc(LEVERS), "Accept", "text/csv");
        assertThat(csv.body()).startsWith("l,label").contains("Image et communication");
        assertThat(http.get("/sparql?query=" + enc(LEVERS), "Accept", "text/tab-separated-values").body()).startsWith("?l\t?label");
    }

    @Test
    void constructAndDescribeAnswerRdfFormats() {
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/attractivite-autonomie/graph/levers> { ?s ?p ?o } }";
        assertThat(http.get("/sparql?query=" + enc(construct), "Accept", "text/turtle").body()).contains("prefLabel").contains("Image et communication");
        assertThat(http.get("/sparql?query=" + enc(construct), "Accept", "application/n-triples").body()).contains("<http://www.w3.org/2004/02/skos/core#prefLabel>");
        assertThat(http.get("/sparql?query=" + enc(construct), "Accept", "application/ld+json").body()).contains("@");
        String describe = "DESCRIBE <https://w3id.org/attractivite-autonomie/id/lever/image>";
        assertThat(http.get("/sparql?query=" + enc(describe), "Accept", "text/turtle").body()).contains("Image et communication");
    }

    @Test
    void postFormAndDirectPostAreAccepted() {
        assertThat(http.post("/sparql", "application/x-www-form-urlencoded", "query=" + enc(LEVERS), "Accept", "text/csv").body())
            .contains("Image et communication");
        assertThat(http.post("/sparql", "application/sparql-query", LEVERS, "Accept", "text/csv").body())
            .contains("Image et communication");
    }

    @Test
    void updatesAreRefused() {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        assertThat(http.post("/sparql", "application/sparql-update", update).statusCode()).isBetween(400, 499);
        assertThat(http.post("/sparql", "application/x-www-form-urlencoded", "update=" + enc(update)).statusCode()).isBetween(400, 499);
        assertThat(http.post("/sparql?graph=" + enc("urn:g"), "text/turtle", "<urn:x> <urn:y> <urn:z> .").statusCode()).isBetween(400, 499);
        HttpResponse<String> still = http.get("/sparql?query=" + enc("ASK { <urn:x> ?p ?o }"), "Accept", "application/sparql-results+json");
        assertThat(still.body()).contains("false");
    }

    @Test
    void malformedQueryGets400WithTheParserMessage() {
        HttpResponse<String> r = http.get("/sparql?query=" + enc("SELECT * WHERE { ?s ?p "));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).containsIgnoringCase("line 1");
    }

    @Test
    void graphStoreProtocolReadsANamedGraph() {
        HttpResponse<String> r = http.get("/sparql?graph=" + enc("https://w3id.org/attractivite-autonomie/graph/levers"), "Accept", "text/turtle");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Image et communication");
    }

    @Test
    void corsIsOpenForAnalystsTools() {
        HttpResponse<String> r = http.get("/sparql?query=" + enc("ASK {}"), "Origin", "https://yasgui.example", "Accept", "application/sparql-results+json");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://yasgui.example");
    }

    /** The public sees the status only: the details (generation, paths, load errors) are for the admin. */
    @Test
    void healthShowsTheStatusAndNoDetailsToThePublic() {
        HttpResponse<String> r = http.get("/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"UP\"").doesNotContain("triples").doesNotContain("path").doesNotContain("generation");
    }

    @Test
    void serviceIsOffByDefault() {
        HttpResponse<String> r = http.get("/sparql?query=" + enc("SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("SERVICE").contains("allowed-endpoints");
    }

    @Test
    void dumpsHoldEveryNamedGraphAndTheDatasetDescribesItself() {
        HttpResponse<String> nq = http.get("/dumps/attractivite-autonomie.nq");
        assertThat(nq.statusCode()).isEqualTo(200);
        org.apache.jena.sparql.core.DatasetGraph dump = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFParser.fromString(nq.body(), org.apache.jena.riot.Lang.NQUADS).parse(dump);
        assertThat(dump.getGraph(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/attractivite-autonomie/graph/vienne-benchmark")).size())
            .isGreaterThan(1000);
        HttpResponse<String> trig = http.get("/dumps/attractivite-autonomie.trig");
        org.apache.jena.sparql.core.DatasetGraph fromTrig = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFParser.fromString(trig.body(), org.apache.jena.riot.Lang.TRIG).parse(fromTrig);
        assertThat(fromTrig.stream().count()).isEqualTo(dump.stream().count());

        // VoID: /.well-known/void leads to the dataset, whose statistics the load recorded
        assertThat(http.get("/.well-known/void").headers().firstValue("Location")).hasValue("/id/dataset");
        String voidTtl = http.get("/id/dataset", "Accept", "text/turtle").body();
        assertThat(voidTtl).contains("sparqlEndpoint").contains("dataDump").contains("triples");
        String stats = "SELECT ?n WHERE { <https://w3id.org/attractivite-autonomie/graph/landes-roadmap-2024> <http://rdfs.org/ns/void#triples> ?n }";
        assertThat(http.get("/sparql?query=" + enc(stats), "Accept", "text/csv").body()).matches("(?s)n\\r?\\n[1-9][0-9]{3,}\\r?\\n");
    }

    @Test
    void resourceIrisResolveAsHtmlAndRdf() {
        HttpResponse<String> html = http.get("/id/initiative/actiduo", "Accept", "text/html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<h1>Actiduo</h1>").contains("ReSanté-Vous").contains("Porteur");
        HttpResponse<String> ttl = http.get("/id/initiative/actiduo", "Accept", "text/turtle");
        assertThat(ttl.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        assertThat(ttl.body()).contains("Actiduo");
        assertThat(http.get("/id/initiative/actiduo", "Accept", "application/ld+json").body()).contains("Actiduo");
        assertThat(http.get("/id/initiative/no-such-thing").statusCode()).isEqualTo(404);
        assertThat(http.get("/def", "Accept", "text/turtle").body()).contains("Partnership");
    }
}
