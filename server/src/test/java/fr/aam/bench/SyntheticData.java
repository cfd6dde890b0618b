package fr.aam.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic named graph that conforms to the shapes — initiatives with partnerships, places, levers and
 * provenance, in the proportions of the real data — to measure the store and the API at scale. Not data: it lives
 * only in a temporary working copy of the benchmark.
 */
final class SyntheticData {

    static final String[] LEVERS = {"image", "decouverte-orientation", "recrutement", "formation-initiale", "formation-continue",
        "parcours-carriere", "remuneration", "conditions-travail-qvct", "management-organisation", "sens-du-travail",
        "vie-professionnels", "cooperation-territoriale", "innovation-equipement", "observation-evaluation"};
    static final String[] PLACES = {"poitiers", "chatellerault", "civray", "chaunay", "chasseneuil-du-poitou", "mont-de-marsan",
        "dax", "tartas", "morcenx-la-nouvelle", "vaucluse", "var", "yvelines", "seine-et-marne", "loir-et-cher"};
    static final String[] ROLES = {"carrier", "partner", "funder", "operator", "host", "trainer"};

    private SyntheticData() {}

    /** @return the number of triples written (22 per initiative, 4 per actor) */
    static long write(Path file, int initiatives, int actors) throws IOException {
        Random rnd = new Random(42);
        long triples = 0;
        String g = "<https://w3id.org/attractivite-autonomie/graph/synthetic>";
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("""
                @prefix aam: <https://w3id.org/attractivite-autonomie/def#> .
                @prefix s: <https://w3id.org/attractivite-autonomie/id/synthetic/> .
                @prefix lever: <https://w3id.org/attractivite-autonomie/id/lever/> .
                @prefix territory: <https://w3id.org/attractivite-autonomie/id/territory/> .
                @prefix role: <https://w3id.org/attractivite-autonomie/id/role/> .
                @prefix kind: <https://w3id.org/attractivite-autonomie/id/actor-kind/> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                @prefix prov: <http://www.w3.org/ns/prov#> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                """);
            w.write("GRAPH " + g + " {\n");
            w.write("""
                s:doc a aam:SourceDocument ; rdfs:label "Document synthétique"@fr ; dcterms:title "Document synthétique"@fr ;
                    dcterms:creator s:actor-0 ; dcterms:issued "2026"^^xsd:gYear .
                s:section a aam:Section ; rdfs:label "Section synthétique"@fr ; dcterms:isPartOf s:doc .
                s:scheme a skos:ConceptScheme ; skos:prefLabel "Axes synthétiques"@fr .
                s:axis a skos:Concept , aam:DocumentAxis ; skos:prefLabel "Axe synthétique"@fr ; skos:inScheme s:scheme ;
                    skos:closeMatch lever:image ; prov:wasDerivedFrom s:section .
                """);
            triples += 16;
            for (int a = 0; a < actors; a++) {
                w.write("s:actor-" + a + " a aam:Actor ; rdfs:label \"Acteur synthétique " + a + "\"@fr ; aam:actorKind kind:association ; prov:wasDerivedFrom s:section .\n");
                triples += 4;
            }
            for (int i = 0; i < initiatives; i++) {
                String id = "s:initiative-" + i;
                w.write(id + " a aam:Initiative ; rdfs:label \"Initiative synthétique " + i + " pour l'aide à domicile\"@fr ;\n"
                    + "  prov:wasDerivedFrom s:section ; aam:quote \"Citation synthétique " + i + "\"@fr ;\n"
                    + "  aam:lever lever:" + LEVERS[rnd.nextInt(LEVERS.length)] + " ; aam:documentAxis s:axis ;\n"
                    + "  aam:place territory:" + PLACES[rnd.nextInt(PLACES.length)] + " ;\n"
                    + "  aam:startDate \"" + (2018 + rnd.nextInt(8)) + "\"^^xsd:gYear .\n");
                triples += 8;
                for (int p = 0; p < 2; p++) {
                    String role = p == 0 ? "carrier" : ROLES[1 + rnd.nextInt(ROLES.length - 1)];
                    String pid = "s:partnership-" + i + "-" + p;
                    w.write(id + " prov:qualifiedAssociation " + pid + " .\n" + pid + " a aam:Partnership ; rdfs:label \"Partenariat " + i + "-" + p
                        + "\"@fr ; prov:agent s:actor-" + rnd.nextInt(actors) + " ; prov:hadRole role:" + role
                        + " ; prov:wasDerivedFrom s:section ; aam:quote \"Citation " + i + "\"@fr .\n");
                    triples += 7;
                }
            }
            w.write("}\n");
        }
        return triples;
    }
}
