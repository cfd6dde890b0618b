package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The canned-query API over real HTTP: catalogue, formats, paging, and clear errors for bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CannedQueryApiTest {

    @TempDir static Path storeDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry r) { r.add("aam.store", () -> storeDir.resolve("tdb2").toString()); }

    @LocalServerPort int port;
    HttpClientSupport http;

    static final String ID = "https://w3id.org/attractivite-autonomie/id/";

    @BeforeEach void client() { http = new HttpClientSupport(port); }

    @Test
    void catalogueListsEveryRequiredQueryWithParametersAndExamples() {
        HttpResponse<String> r = http.get("/api/queries");
        assertThat(r.statusCode()).isEqualTo(200);
        for (String id : List.of("partners-per-initiative", "initiatives-of-actor", "uncovered-levers-per-territory",
                "initiatives-by-lever", "initiatives-by-territory", "initiatives-by-profession", "professions-coverage",
                "innovation-matrix", "lever-crosswalk", "actors-without-initiative", "actor-network", "figures",
                "action-sheets", "indicators", "sources")) {
            assertThat(r.body()).contains("\"id\":\"" + id + "\"");
        }
        assertThat(r.body()).contains("\"allowedValues\"").contains("\"example\":\"/api/queries/").contains(ID + "lever/image");
    }

    @Test
    void runsWithFormatsAndPaging() {
        HttpResponse<String> rows = http.get("/api/queries/lever-crosswalk?limit=2");
        assertThat(rows.statusCode()).isEqualTo(200);
        assertThat(rows.body()).contains("\"rows\":[").contains("\"limit\":2");
        long total = Long.parseLong(rows.headers().firstValue("X-Total-Count").orElseThrow());
        assertThat(total).isGreaterThan(2);
        assertThat(rows.headers().firstValue("Link").orElse("")).contains("offset=2").contains("rel=\"next\"");
        assertThat(http.get("/api/queries/lever-crosswalk?format=csv").body()).startsWith("scheme,schemeLabel,axis");
        assertThat(http.get("/api/queries/lever-crosswalk?format=tsv").body()).startsWith("?scheme\t");
        assertThat(http.get("/api/queries/lever-crosswalk", "Accept", "application/sparql-results+json").body()).contains("\"bindings\"");
        assertThat(http.get("/api/queries/lever-crosswalk", "Accept", "application/sparql-results+xml").body()).contains("<sparql");
        HttpResponse<String> ttl = http.get("/api/queries/actor-card?actor=" + enc(ID + "actor/france-travail"));
        assertThat(ttl.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        assertThat(ttl.body()).contains("France Travail");
        assertThat(http.get("/api/queries/actor-card?format=jsonld&actor=" + enc(ID + "actor/france-travail")).body()).contains("France Travail");
    }

    @Test
    void unknownQueryIs404() {
        assertThat(http.get("/api/queries/no-such-query").statusCode()).isEqualTo(404);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        HttpResponse<String> missing = http.get("/api/queries/uncovered-levers-per-territory");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"parameter\":\"territory\"").contains("required");
        HttpResponse<String> notInstance = http.get("/api/queries/uncovered-levers-per-territory?territory=" + enc(ID + "lever/image"));
        assertThat(notInstance.statusCode()).isEqualTo(400);
        assertThat(notInstance.body()).contains("\"parameter\":\"territory\"").contains("instance of");
        HttpResponse<String> unknown = http.get("/api/queries/figures?colour=red");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"parameter\":\"colour\"");
        assertThat(http.get("/api/queries/figures?limit=abc").body()).contains("\"parameter\":\"limit\"");
        assertThat(http.get("/api/queries/figures?limit=0").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/queries/figures?format=pdf").body()).contains("\"parameter\":\"format\"");
    }

    @Test
    void valuesWithQuotesBracesAndNewlinesAreDataNotSparql() {
        String evil = "\"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o \n #";
        HttpResponse<String> r = http.get("/api/queries/search?text=" + enc(evil));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"total\":0");
        HttpResponse<String> iri = http.get("/api/queries/initiatives-of-actor?actor=" + enc("<x> } ?s ?p ?o {"));
        assertThat(iri.statusCode()).isEqualTo(400);
        assertThat(iri.body()).contains("\"parameter\":\"actor\"");
        assertThat(http.get("/api/queries/search?text=domicile").body()).contains("domicile");
    }

    @Test
    void openApiDescribesTheApi() {
        HttpResponse<String> r = http.get("/api/openapi");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/api/queries/{id}");
    }
}
