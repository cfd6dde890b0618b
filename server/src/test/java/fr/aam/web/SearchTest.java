package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The French full-text search as people type: without accents, plural for singular, capitals ignored. */
class SearchTest extends RunningServer {

    private String search(String text) {
        HttpResponse<String> r = http.get("/api/queries/search?format=csv&limit=50&text=" + enc(text));
        assertThat(r.statusCode()).as(text).isEqualTo(200);
        return r.body();
    }

    private static String first(String csv) { return csv.lines().skip(1).findFirst().orElse(""); }

    @Test
    void findsWhatPeopleTypeAndRanksTheExactNameFirst() {
        // without the accent
        assertThat(first(search("aide a domicile"))).startsWith(ID + "profession/aide-a-domicile,").contains(",1,");
        // plural and feminine for the singular
        assertThat(search("aides-soignantes")).contains(ID + "profession/aide-soignant,Aide-soignant,");
        // lower case for an acronym
        assertThat(first(search("ehpad"))).startsWith(ID + "actor-kind/ehpad,EHPAD,");
        // plural for singular
        assertThat(search("formations").lines().skip(1).anyMatch(l -> l.toLowerCase().contains("formation "))).isTrue();
        // the exact name first, then the longer ones
        assertThat(first(search("aide-soignant"))).startsWith(ID + "profession/aide-soignant,").contains("Métier");
        // an incomplete last word
        assertThat(search("aide a domic")).contains(ID + "profession/aide-a-domicile,");
        // every word must be there
        assertThat(search("ehpad zzzyzzy").lines().count()).isEqualTo(1);
    }

    @Test
    void textQueryWorksFromTheSparqlEndpoint() {
        String q = "PREFIX text: <http://jena.apache.org/text#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "SELECT ?s WHERE { ?s text:query (rdfs:label \"domicile\") }";
        assertThat(http.get("/sparql?query=" + enc(q), "Accept", "text/csv").body()).contains(ID + "profession/aide-a-domicile");
    }

    @Test
    void theSearchBoxGetsGroupedResultsAndAPage() {
        HttpResponse<String> api = http.get("/api/search?q=" + enc("aide a domicile") + "&limit=10");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).startsWith("{\"query\":\"aide a domicile\"")
            .contains("\"typeLabel\":\"Métier\"").contains("\"typeLabel\":\"Initiative\"")
            .contains("\"href\":\"/id/profession/aide-a-domicile\"").contains("\"exact\":true");
        assertThat(api.body().indexOf("Métier")).isLessThan(api.body().indexOf("\"typeLabel\":\"Initiative\""));
        assertThat(http.get("/api/search?q=" + enc("aide a domicile") + "&lang=en").body()).contains("\"typeLabel\":\"Profession\"");
        assertThat(http.get("/api/search").statusCode()).isEqualTo(400);

        String page = http.get("/search?q=" + enc("ehpad")).body();
        assertThat(page).contains("résultat(s) pour « ehpad »").contains("href=\"/id/actor-kind/ehpad\"").contains("<h2>Acteur (");
        assertThat(http.get("/search?q=" + enc("zzzyzzy")).body()).contains("Aucun résultat pour « zzzyzzy »");
        assertThat(http.get("/search?q=" + enc("\"} ; DROP ALL")).statusCode()).isEqualTo(200);
    }
}
