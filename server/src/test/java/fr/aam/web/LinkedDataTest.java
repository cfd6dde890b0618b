package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

/**
 * Linked data over real HTTP: every format of a resource by Accept, extension and format=, the 406, the headers a
 * crawler relies on; resource pages read by people (an actor's actions with roles and sources); class indexes that
 * count what the store holds; the ontology's documentation; unknown IRIs; /sparql in a browser.
 */
class LinkedDataTest extends RunningServer {

    static final String ACTIDUO = "/id/initiative/actiduo";
    static final Map<String, Lang> RDF = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
        "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);

    @Test
    void eachRdfFormatByAcceptExtensionAndFormatParameter() {
        RDF.forEach((type, lang) -> {
            HttpResponse<String> r = http.get(ACTIDUO, "Accept", type);
            assertThat(r.statusCode()).as(type).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(type).startsWith(type);
            assertThat(r.headers().allValues("Vary")).as(type).anyMatch(v -> v.contains("Accept"));
            String ext = lang.getFileExtensions().get(lang == Lang.RDFXML ? lang.getFileExtensions().indexOf("rdf") : 0);
            assertThat(r.headers().firstValue("Content-Location")).as(type).hasValue(ACTIDUO + "." + ext);
            Graph g = parse(r.body(), lang);
            assertThat(g.size()).as(type).isGreaterThan(10);
            assertThat(r.body()).contains("Actiduo");
            // the same by the extension of Content-Location, and by format=
            HttpResponse<String> byExtension = http.get(ACTIDUO + "." + ext);
            assertThat(byExtension.headers().firstValue("Content-Type").orElse("")).startsWith(type);
            assertThat(parse(byExtension.body(), lang).isIsomorphicWith(g)).isTrue();
            assertThat(http.get(ACTIDUO + "?format=" + enc(type)).headers().firstValue("Content-Type").orElse("")).startsWith(type);
        });
        assertThat(parse(http.get(ACTIDUO + "?format=turtle").body(), Lang.TURTLE).size()).isGreaterThan(10);
    }

    @Test
    void textTypesSayUtf8AndAccentsSurvive() {
        HttpResponse<String> ttl = http.get("/id/profession/aide-a-domicile", "Accept", "text/turtle");
        assertThat(ttl.headers().firstValue("Content-Type")).hasValue("text/turtle;charset=utf-8");
        assertThat(ttl.body()).contains("Aide à domicile");
        HttpResponse<String> html = http.get("/id/profession/aide-a-domicile", "Accept", "text/html");
        assertThat(html.headers().firstValue("Content-Type").orElse("").toLowerCase()).isEqualTo("text/html;charset=utf-8");
        assertThat(html.body()).contains("<meta name=\"viewport\"").contains("Aide à domicile");
        assertThat(html.headers().allValues("Link")).anyMatch(l -> l.contains("rel=\"alternate\"") && l.contains("text/turtle"));
        assertThat(http.get("/api/queries/lever-crosswalk?format=csv").headers().firstValue("Content-Type"))
            .hasValue("text/csv;charset=utf-8");
    }

    @Test
    void aBrowserGetsHtmlAndAnUnsupportedAcceptGets406ListingTheTypes() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        HttpResponse<String> page = http.get(ACTIDUO, "Accept", browser);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(http.get(ACTIDUO, "Accept", "*/*").headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(http.get(ACTIDUO, "Accept", "application/rdf+xml").body()).contains("rdf:RDF");

        for (String path : new String[] {ACTIDUO, "/id/", "/id/actor/", "/def", "/api/queries/lever-crosswalk"}) {
            HttpResponse<String> r = http.get(path, "Accept", "image/png");
            assertThat(r.statusCode()).as(path).isEqualTo(406);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(r.body()).as(path).contains("\"available\"").contains("image/png");
        }
        assertThat(http.get(ACTIDUO, "Accept", "image/png").body()).contains("text/turtle").contains("text/html");
        assertThat(http.get("/api/queries/lever-crosswalk", "Accept", "image/png").body()).contains("text/csv");
        HttpResponse<String> badFormat = http.get(ACTIDUO + "?format=pdf");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("\"parameter\":\"format\"");
    }

    @Test
    void anActorPageShowsItsInitiativesWithRolesAndSources() {
        String page = http.get("/id/actor/le-centre", "Accept", "text/html").body();
        assertThat(page).contains("<h1>Le Centre</h1>").contains("Actions de cet acteur (3)")
            .contains("Rallye des métiers de l&#39;autonomie").contains("Parcours d&#39;intégration")
            .contains("Les réunions d&#39;information collective").contains("Porteur")
            // provenance: the document and the section of each participation, and its verbatim quote
            .contains("Benchmark — Attractivité des métiers de l&#39;Autonomie")
            .contains("Le Centre : Parcours d’intégration : est un dispositif d’accompagnement")
            // properties named from the ontology, never by their IRI or prefixed name
            .contains("type d&#39;acteur").doesNotContain("aam:actorKind").doesNotContain(">https://w3id.org/attractivite-autonomie/def#")
            // the canned queries that take this actor
            .contains("/api/queries/initiatives-of-actor?actor=").contains("/api/queries/actor-card?actor=");
        // each query's data link works (CSV for SELECT, Turtle for CONSTRUCT)
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("href=\"(/api/queries/[^\"]+)\"").matcher(page);
        while (links.find()) {
            String href = links.group(1).replace("&amp;", "&");
            assertThat(http.get(href).statusCode()).as(href).isEqualTo(200);
        }
        String initiative = http.get(ACTIDUO, "Accept", "text/html").body();
        assertThat(initiative).contains("Acteurs et rôles (1)").contains("ReSanté-Vous").contains("Porteur")
            .contains("L&#39;innovation dans l&#39;organisation et l&#39;accompagnement au quotidien");
        assertThat(http.get("/id/actor/le-centre?lang=en", "Accept", "text/html").body())
            .contains("Actions of this actor (3)").contains("Carrier").contains("actor kind");
    }

    static final java.util.regex.Pattern EXTRACTION_NOTES =
        java.util.regex.Pattern.compile("<details class=\"extraction-notes\">([\\s\\S]*?)</details>");

    @Test
    void extractionNotesAreFoldedInFrenchAndReadForPeople() {
        // Pôle emploi's note names France Travail in words, where it once read "(actor:france-travail)"
        String page = http.get("/id/actor/pole-emploi", "Accept", "text/html").body();
        String notes = extractionNotes(page, "/id/actor/pole-emploi");
        assertThat(notes).contains("<summary>Notes d&#39;extraction (2)</summary>")
            .contains("<p lang=\"fr\">L&#39;opérateur public de l&#39;emploi sous le nom que lui donnent le plan national (2021)")
            .contains("Devenu France Travail (acteur distinct sous ce nouveau nom)").doesNotContain("actor:");
        // folded: a closed <details>, after the page's properties, apart from the notes written for readers
        assertThat(page).doesNotContain("<details class=\"extraction-notes\" open").doesNotContain("id=\"h-notes\"");
        assertThat(page.indexOf("class=\"extraction-notes\"")).isGreaterThan(page.indexOf("class=\"properties "));
        // English on demand: the summary in English, the notes in French and marked so
        String english = extractionNotes(http.get("/id/actor/pole-emploi?lang=en", "Accept", "text/html").body(), "English");
        assertThat(english).contains("<summary>Extraction notes (2)</summary>").contains("Written in French.")
            .contains("<p lang=\"fr\">L&#39;opérateur public");
        // every note of a resource, the place rule in words where the note once said "voir la fin du fichier"
        String rural = extractionNotes(http.get("/id/initiative/action-d-aide-a-domicile-en-milieu-rural").body(), "rural");
        assertThat(rural).contains("Aucun lieu précis n&#39;est donné")
            .contains("(fondement du lieu : « Territoire du document (règle) »)").doesNotContain("fichier");
        assertThat(extractionNotes(http.get("/id/action-sheet/cspams-03").body(), "sheet 3"))
            .contains("Notes d&#39;extraction (2)").contains("la cellule entière est rangée dans les points de vigilance")
            .contains("→ Pôle emploi (devenu France Travail)").doesNotContain("aam:").doesNotContain("actor:");
        // a resource without extraction note has no fold
        assertThat(http.get("/id/profession/aide-soignant").body()).doesNotContain("extraction-notes");
        // and the notes stay in the RDF
        assertThat(http.get("/id/actor/pole-emploi", "Accept", "text/turtle").body()).contains("rdfs:comment");
    }

    static String extractionNotes(String page, String what) {
        java.util.regex.Matcher m = EXTRACTION_NOTES.matcher(page);
        assertThat(m.find()).as(what + ": extraction notes folded under <details class=\"extraction-notes\">").isTrue();
        return m.group(1);
    }

    @Test
    void professionsAreTitledAndLinkedToOtherRegistries() {
        String page = http.get("/id/profession/aide-soignant").body();
        assertThat(page).contains("<title>Aide-soignant — ").contains("ROME 4.0 (France Travail)").contains("J1501")
            .contains("ROME v3 (France Travail)") // J1501 twice, once per version of the registry
            .contains("https://candidat.francetravail.fr/metierscope/fiche-metier/J1501").contains("ESCO")
            .contains("« concerne le métier » de");
        String territory = http.get("/id/territory/vienne").body();
        assertThat(territory).contains("https://www.wikidata.org/wiki/Q12804").contains("Code officiel géographique (Insee)");
    }

    @Test
    void pointingResourcesAreGroupedCountedAndPaged() {
        String lever = http.get("/id/lever/conditions-travail-qvct").body();
        assertThat(lever).contains("« levier de référence » de ").contains("?inbound=");
        String property = enc("https://w3id.org/attractivite-autonomie/def#lever");
        String first = http.get("/id/lever/conditions-travail-qvct?inbound=" + property).body();
        assertThat(first).contains("1 à ").contains("Retour à");
    }

    @Test
    void classIndexesCountWhatTheStoreHolds() {
        String actors = "PREFIX aam: <https://w3id.org/attractivite-autonomie/def#> SELECT (COUNT(DISTINCT ?a) AS ?n) "
            + "WHERE { ?a a aam:Actor }";
        long n = Long.parseLong(http.get("/sparql?query=" + enc(actors), "Accept", "text/csv").body().lines().skip(1).findFirst().orElseThrow().trim());
        assertThat(n).isGreaterThan(100);

        String index = http.get("/id/").body();
        assertThat(index).contains("Parcourir le graphe").contains("href=\"/id/actor/\"").contains(">" + n + "<")
            .contains("/id/initiative/").contains("/id/profession/").contains("/id/territory/").contains("/id/lever/")
            .contains("/id/measure/").contains("/id/action-sheet/").contains("/id/figure/").contains("/id/indicator/")
            .contains("/id/source/");

        Graph collection = parse(http.get("/id/actor/", "Accept", "text/turtle").body(), Lang.TURTLE);
        String hydra = "http://www.w3.org/ns/hydra/core#";
        assertThat(literal(collection, hydra + "totalItems")).isEqualTo(Long.toString(n));
        // walking the pages lists every actor once
        java.util.Set<String> members = new java.util.HashSet<>();
        String next = "/id/actor/";
        int pages = 0;
        while (next != null && pages++ < 20) {
            Graph page = parse(http.get(next, "Accept", "text/turtle").body(), Lang.TURTLE);
            page.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(hydra + "member"),
                org.apache.jena.graph.Node.ANY).forEach(t -> members.add(t.getObject().getURI()));
            var link = page.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(hydra + "next"),
                org.apache.jena.graph.Node.ANY);
            next = link.hasNext() ? fr.aam.graph.ProjectGraph.IRIS.href(link.next().getObject().getURI()) : null;
        }
        assertThat(members).hasSize((int) n);

        String byDocument = http.get("/id/actor/?sort=document&order=desc&page=2").body();
        assertThat(byDocument).contains("aria-sort=\"descending\"").contains("Page 2 sur");
        assertThat(http.get("/id/actor/?page=999").statusCode()).isEqualTo(404);
        assertThat(http.get("/id/actor/?sort=colour").statusCode()).isEqualTo(400);
    }

    @Test
    void theOntologyIsDocumentedWithAnAnchorPerTerm() {
        HttpResponse<String> def = http.get("/def", "Accept", "text/html");
        assertThat(def.statusCode()).isEqualTo(200);
        assertThat(def.body()).contains("id=\"Actor\"").contains("id=\"Initiative\"").contains("id=\"lever\"")
            .contains("Organisation qui agit").contains("href=\"#Actor\"").contains("S&#39;applique à");
        assertThat(def.body()).containsPattern("id=\"Actor\"[\\s\\S]*?[0-9]+ ressource\\(s\\)");
        // a definition citing a term by prefixed name shows the term's name, linked to it
        assertThat(def.body()).doesNotContainPattern("[ («'’]aam:[A-Za-z]").doesNotContainPattern("[ («]prov:[A-Za-z]")
            .containsPattern("<a href=\"[^\"]*def#quote\"[^>]*>citation</a><span> garde la forme imprimée");
        assertThat(http.get("/def", "Accept", "text/turtle").body()).contains("Partnership").contains("owl:Class");
        assertThat(http.get("/def.jsonld").headers().firstValue("Content-Type").orElse("")).startsWith("application/ld+json");
        assertThat(http.get("/def/shapes").body()).contains("id=\"Actor\"").contains("Forme SHACL");
    }

    @Test
    void unknownIrisAreAFrench404ForPeopleAndAProblemForPrograms() {
        HttpResponse<String> page = http.get("/id/initiative/no-such-thing", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Cette adresse ne mène à rien").contains(ID + "initiative/no-such-thing")
            .contains("action=\"/search\"");
        HttpResponse<String> problem = http.get("/id/initiative/no-such-thing", "Accept", "text/turtle");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(problem.body()).contains("no-such-thing");
        assertThat(http.get("/no/such/page", "Accept", "text/html").body()).contains("Cette adresse ne mène à rien");
    }

    @Test
    void aBrowserOpeningSparqlGetsTheEditor() {
        HttpResponse<String> browser = http.get("/sparql", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.statusCode()).isEqualTo(303);
        assertThat(browser.headers().firstValue("Location")).hasValue("/#editeur");
        assertThat(browser.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept"));
        // programs still reach Fuseki
        assertThat(http.get("/sparql?query=" + enc("ASK {}"), "Accept", "text/html,*/*;q=0.8").statusCode()).isEqualTo(200);
        assertThat(http.get("/sparql", "Accept", "application/sparql-results+json").statusCode()).isNotEqualTo(303);
        assertThat(http.get("/sparql?graph=" + enc("https://w3id.org/attractivite-autonomie/graph/levers"), "Accept",
            "text/html,*/*;q=0.8").statusCode()).isEqualTo(200);
    }

    @Test
    void namedGraphsHaveTheirPage() {
        String graph = http.get("/graph/vienne-benchmark").body();
        assertThat(graph).contains("Benchmark de la Vienne").contains("/sparql?graph=");
        assertThat(http.get("/graph/attractivite").body()).contains("Graphe nommé « attractivite »");
        assertThat(http.get("/graph/no-such-graph", "Accept", "text/html").statusCode()).isEqualTo(404);
    }

    static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    private static String literal(Graph g, String property) {
        var it = g.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(property),
            org.apache.jena.graph.Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }
}
