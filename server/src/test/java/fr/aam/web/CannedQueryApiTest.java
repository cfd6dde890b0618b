package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canned-query API over real HTTP: catalogue, formats, paging, and clear errors for bad input. */
class CannedQueryApiTest extends RunningServer {

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
        assertThat(r.body()).contains("\"example\":\"/api/queries/")
            // French and English for what a person reads: titles, descriptions, parameter labels, column labels
            .contains("\"title\":{\"fr\":\"Partenaires de chaque initiative\",\"en\":\"Partners of each initiative\"}")
            .contains("\"label\":{\"fr\":\"Rôle\",\"en\":\"Role\"}")
            .contains("{\"name\":\"actorLabel\",\"label\":{\"fr\":\"Acteur\",\"en\":\"Actor\"},\"link\":\"actor\",\"hidden\":false}")
            // no list of allowed values: they are searched (a national graph would make the catalogue huge)
            .doesNotContain("allowedValues").doesNotContain(ID + "lever/image");
        assertThat(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100_000);
    }

    @org.springframework.beans.factory.annotation.Autowired fr.aam.queries.AnswerWarmup warmup;
    @org.springframework.beans.factory.annotation.Autowired fr.aam.queries.CannedQueryService service;

    /**
     * Once the server is ready it computes its canned queries' default and example answers ahead and keeps them; the
     * API's pages of such an answer are the same whatever the way they are cut.
     */
    @Test
    void answersAreComputedAheadOnceTheServerIsReadyAndPagedConsistently() throws Exception {
        warmup.awaitDone();
        assertThat(service.keptRows()).as("rows kept by the answers computed ahead").isPositive();
        HttpResponse<String> all = http.get("/api/queries/partners-per-initiative?format=csv&limit=40");
        HttpResponse<String> second = http.get("/api/queries/partners-per-initiative?format=csv&limit=20&offset=20");
        assertThat(all.statusCode()).isEqualTo(200);
        List<String> rows = all.body().lines().toList();
        assertThat(second.body().lines().skip(1).toList()).containsExactlyElementsOf(rows.subList(21, 41));
        assertThat(second.headers().firstValue("X-Total-Count")).isEqualTo(all.headers().firstValue("X-Total-Count"));
    }

    /** France Travail takes over the actions the 2021 and 2023 documents give to Pôle emploi, under that name. */
    @Test
    void aRenamedActorKeepsTheActionsOfItsFormerName() {
        HttpResponse<String> r = http.get("/api/queries/initiatives-of-actor?actor=actor:france-travail&format=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("France Travail").contains("Pôle emploi");
        HttpResponse<String> former = http.get("/api/queries/initiatives-of-actor?actor=actor:pole-emploi&format=csv");
        assertThat(former.body()).as("the former name does not take the new one's actions").doesNotContain(",France Travail,");
    }

    @Test
    void describeGivesTheTextAsWrittenAndSparqlGivesItWithParametersBound() {
        HttpResponse<String> d = http.get("/api/queries/initiatives-of-actor/describe");
        assertThat(d.body()).contains("\"sparql\":\"#+ id: initiatives-of-actor");
        HttpResponse<String> s = http.get("/api/queries/initiatives-of-actor/sparql?actor=actor:le-centre");
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(s.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-query");
        assertThat(s.body()).contains("VALUES ?actor {").contains("<" + ID + "actor/le-centre>").doesNotContain("#+");
        // the text runs as-is on the endpoint and gives the API's rows
        HttpResponse<String> run = http.post("/sparql", "application/sparql-query", s.body(), "Accept", "text/csv");
        assertThat(run.body().lines().count()).isEqualTo(4);
        assertThat(http.get("/api/queries/initiatives-of-actor/sparql?actor=" + enc(ID + "lever/image")).statusCode()).isEqualTo(400);
    }

    @Test
    void parameterValuesAreSearchedIgnoringCaseAndAccentsAndGrouped() {
        HttpResponse<String> r = http.get("/api/queries/partners-per-initiative/parameters/action/values?q=" + enc("MILIEU rural"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"value\":\"" + ID + "initiative/action-d-aide-a-domicile-en-milieu-rural\"")
            .contains("\"label\":\"Action d'aide à domicile en milieu rural\"")
            .contains("\"group\":\"" + ID + "source/vienne-benchmark\"").contains("\"more\":false");
        // accents: "eclaireurs" finds "Les éclaireurs du tour"
        assertThat(http.get("/api/queries/partners-per-initiative/parameters/action/values?q=eclaireurs").body())
            .contains("Les éclaireurs du tour");
        // grouped by type: a département under its class, English labels on demand
        assertThat(http.get("/api/queries/uncovered-levers-per-territory/parameters/territory/values?q=vienne").body())
            .contains("\"group\":\"http://rdf.insee.fr/def/geo#Departement\"");
        assertThat(http.get("/api/queries/initiatives-by-lever/parameters/lever/values?q=retain&lang=en").body())
            .contains("\"label\":\"Retain\"");
        // one value looked up (a permalink's label), paging of long lists, bad names
        assertThat(http.get("/api/queries/partners-per-initiative/parameters/role/values?value=" + enc(ID + "role/funder")).body())
            .contains("\"label\":\"Financeur\"").doesNotContain("Porteur");
        assertThat(http.get("/api/queries/initiatives-of-actor/parameters/actor/values?limit=5").body()).contains("\"more\":true");
        assertThat(http.get("/api/queries/initiatives-of-actor/parameters/colour/values").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/queries/search/parameters/text/values").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/queries/nope/parameters/text/values").statusCode()).isEqualTo(404);
    }

    @Test
    void sortOrdersTheWholeResultInFrenchBeforePaging() {
        String asc = http.get("/api/queries/initiatives-of-actor?actor=actor:le-centre&sort=actionLabel&format=csv").body();
        String desc = http.get("/api/queries/initiatives-of-actor?actor=actor:le-centre&sort=-actionLabel&format=csv").body();
        List<String> reversed = new java.util.ArrayList<>(asc.lines().skip(1).toList());
        java.util.Collections.reverse(reversed);
        assertThat(desc.lines().skip(1).toList()).hasSize(3).containsExactlyElementsOf(reversed);
        // numbers by value (2 before 10), first page of the sorted whole
        String ranks = http.get("/api/queries/innovation-matrix?sort=-rank&limit=1&format=csv").body();
        assertThat(ranks.lines().skip(1).findFirst().orElse("")).contains(",8,");
        // accented capitals among the others, not after Z
        String actors = http.get("/api/queries/actors-without-initiative?sort=label&format=csv&limit=5000").body();
        List<String> names = actors.lines().skip(1).map(l -> l.split(",")[1]).toList();
        assertThat(names.indexOf(names.stream().filter(n -> n.startsWith("É")).findFirst().orElseThrow()))
            .isLessThan(names.indexOf(names.stream().filter(n -> n.startsWith("F")).findFirst().orElseThrow()));
        assertThat(http.get("/api/queries/innovation-matrix?sort=colour").body()).contains("\"parameter\":\"sort\"");
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
        HttpResponse<String> missing = http.get("/api/queries/actor-card");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"parameter\":\"actor\"").contains("required");
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
        HttpResponse<String> ui = http.get("/api/docs");
        assertThat(ui.statusCode()).isIn(200, 302);
        assertThat(http.get("/swagger-ui/index.html").body()).containsIgnoringCase("swagger");
    }

    // ---- each canned query gives the answers the documents state ----------------------------------------------

    private String rows(String path) {
        HttpResponse<String> r = http.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void partnersOfTheRuralHomeHelpAction() {
        String body = rows("/api/queries/partners-per-initiative?action=" + enc(ID + "initiative/action-d-aide-a-domicile-en-milieu-rural"));
        assertThat(body).contains("\"total\":3").contains(ID + "actor/vyv3\"").contains(ID + "actor/admr-86\"")
            .contains(ID + "actor/france-travail-chatellerault\"").contains("Porteur");
        assertThat(rows("/api/queries/partners-per-initiative?role=" + enc(ID + "role/funder") + "&action="
            + enc(ID + "initiative/les-eclaireurs-du-tour"))).contains("AG2R La Mondiale").contains("\"total\":1");
    }

    @Test
    void initiativesCarriedByLeCentre() {
        String body = rows("/api/queries/initiatives-of-actor?actor=" + enc(ID + "actor/le-centre"));
        assertThat(body).contains("\"total\":3").contains("Rallye des métiers de l'autonomie")
            .contains("Parcours d'intégration").contains("Les réunions d'information collective");
    }

    @Test
    void uncoveredLeversInTheVienneAndItsCommunes() {
        String body = rows("/api/queries/uncovered-levers-per-territory?territory=territory:vienne");
        assertThat(body).contains("\"total\":3").contains("\"notation\":\"C1\"").contains("\"notation\":\"C5\"")
            .contains("\"notation\":\"D3\"");
    }

    @Test
    void uncoveredLeversWithoutATerritoryIsTheWholeMatrix() {
        String body = rows("/api/queries/uncovered-levers-per-territory?format=csv&limit=5000");
        List<String> vienne = body.lines().filter(l -> l.startsWith(ID + "territory/vienne,")).toList();
        assertThat(vienne).hasSize(3);
        long territories = body.lines().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().count();
        // every territory the data knows (43) has a row unless its initiatives cover every lever: France does not
        assertThat(territories).isGreaterThan(30);
        assertThat(body).contains(ID + "territory/france,");
    }

    @Test
    void actionsOnTheLeverPayIncludeTheCspamsSalarySheet() {
        assertThat(rows("/api/queries/initiatives-by-lever?lever=lever:remuneration"))
            .contains("Salaire : réguler et revaloriser, réévaluer par métiers");
        // a family includes its levers
        assertThat(rows("/api/queries/initiatives-by-lever?lever=lever:fideliser&limit=5000"))
            .contains("Salaire : réguler et revaloriser, réévaluer par métiers").contains("Actiduo");
    }

    @Test
    void actionsInTheLandesIncludeTheirCommunes() {
        String body = rows("/api/queries/initiatives-by-territory?territory=territory:landes&limit=5000");
        assertThat(body).contains("Action de formation préalable au recrutement (AFPR) Aide à domicile")
            .contains("Ateliers « cadre dirigeant » (28 et 29 novembre 2023)").contains(ID + "territory/tartas");
        assertThat(body).doesNotContain("Actiduo");
    }

    @Test
    void actionsForAmbulanceDrivers() {
        assertThat(rows("/api/queries/initiatives-by-profession?profession=profession:ambulancier"))
            .contains("« Vis ma vie » : valorisation des formations du GHT LiO auprès des demandeurs d'emploi")
            .contains("Projet de formation d'ambulancier déporté à Dax");
    }

    @Test
    void professionsCoverageCountsTheListsOfBothDocuments() {
        String body = rows("/api/queries/professions-coverage?format=csv");
        assertThat(body).contains(ID + "profession/aide-soignant,Aide-soignant,2,")
            .contains(ID + "profession/auxiliaire-de-gerontologie,Auxiliaire de gérontologie,1,");
    }

    @Test
    void innovationRankOfActiduo() {
        String body = rows("/api/queries/innovation-matrix?format=csv");
        assertThat(body.lines().filter(l -> l.contains(ID + "initiative/actiduo,Actiduo,")).findFirst().orElse(""))
            .contains(",4,au niveau du mot « Innovation »,").endsWith(",4");   // the word "Innovation" at Actiduo's rank
        assertThat(body.lines().count()).isEqualTo(21); // header + 20 legend entries of the three matrices
    }

    @Test
    void crosswalkMapsCspamsValoriserOnPay() {
        String body = rows("/api/queries/lever-crosswalk?format=csv&limit=5000");
        assertThat(body.lines().anyMatch(l -> l.contains("cspams-axe-3,Valoriser,") && l.contains("Rémunération"))).isTrue();
    }

    @Test
    void annexTwoActorsWithoutInitiative() {
        String body = rows("/api/queries/actors-without-initiative?list=section:vienne-annex-2&limit=5000");
        // 75 entries; Le Centre, France Travail, Campus 120, the CMA and the Lycée carry benchmark initiatives (70 left,
        // see competency/vienne), and Carsat and Korian take part in national plan measures.
        assertThat(body).contains("\"total\":68").contains("France Alzheimer").doesNotContain("\"Le Centre\"")
            .doesNotContain("\"Carsat\"");
    }

    @Test
    void actorNetworkLinksVyv3AndAdmr86() {
        assertThat(rows("/api/queries/actor-network?actor=actor:vyv3"))
            .contains(ID + "actor/admr-86\"").contains("Action d'aide à domicile en milieu rural");
    }

    @Test
    void figuresOfTheLandesPlatform() {
        String body = rows("/api/queries/figures?document=" + enc(ID + "source/landes-roadmap-2024") + "&limit=5000");
        assertThat(body).contains("\"value\":\"221\"").contains("\"value\":\"193\"").contains("\"value\":\"400000\"");
        assertThat(body).doesNotContain("\"value\":\"83\"");
    }

    @Test
    void actionSheetsOfAxisEquilibrer() {
        String body = rows("/api/queries/action-sheets?axis=axis:cspams-axe-5&format=csv");
        assertThat(body.lines().skip(1).map(l -> l.split(",")[1]).toList()).containsExactly("21", "22", "23", "24", "25");
        String all = rows("/api/queries/action-sheets?format=csv");
        assertThat(all.lines().filter(l -> l.contains("action-sheet/cspams-18,")).findFirst().orElse("")).contains(",true,");
    }

    @Test
    void indicatorsOfTheVienneAnnexThree() {
        String body = rows("/api/queries/indicators?document=" + enc(ID + "source/vienne-benchmark"));
        assertThat(body).contains("\"total\":23").contains("Taux de turnover (rotation du personnel)").contains("Indicateurs mesurables");
    }

    @Test
    void theFourSourceDocuments() {
        String body = rows("/api/queries/sources");
        assertThat(body).contains("\"total\":4").contains("\"issued\":\"2023-03-24\"").contains("\"creators\":\"ReSanté-Vous\"");
        // the Vienne benchmark's 35 initiatives (19 of the text, 2 of the legends, 3 it cites, 11 it names in passing)
        assertThat(body).containsPattern("\"document\":\"" + ID + "source/vienne-benchmark\"[^}]*\"actions\":\"35\"");
    }
}
