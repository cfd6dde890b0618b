package fr.aam.web;

import static fr.aam.web.HttpClientSupport.enc;
import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset's VoID description agrees with the store (linksets, class partitions), and its dumps — from the server
 * and from the dump command — reload into the same dataset.
 */
class VoidAndDumpsTest extends RunningServer {

    @TempDir Path tmp;

    private List<String[]> csv(String query) {
        return http.get("/sparql?query=" + enc(query), "Accept", "text/csv").body().lines().skip(1)
            .map(l -> l.split(",")).toList();
    }

    @Test
    void everyLinksetCountsTheTriplesTheStoreHolds() {
        String linksets = "PREFIX void: <http://rdfs.org/ns/void#> PREFIX dcterms: <http://purl.org/dc/terms/> "
            + "SELECT ?ls ?p ?n ?space ?code WHERE { <" + ID + "dataset> void:subset ?ls . ?ls a void:Linkset ; "
            + "void:linkPredicate ?p ; void:triples ?n ; void:objectsTarget ?t . OPTIONAL { ?t void:uriSpace ?space } "
            + "OPTIONAL { ?ls dcterms:conformsTo ?code } }";
        List<String[]> rows = csv(linksets);
        assertThat(rows.stream().map(r -> r[0].replaceAll(".*#linkset-([a-z0-9]+).*", "$1")).distinct())
            .contains("wikidata", "esco", "insee", "rome", "ans");
        for (String[] r : rows) {
            String filter = r.length > 3 && !r[3].isEmpty() ? "isIRI(?o) && STRSTARTS(STR(?o), \"" + r[3] + "\")"
                : r.length > 4 && !r[4].isEmpty() ? "DATATYPE(?o) = <" + r[4] + ">" : "isLiteral(?o)";
            String count = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { ?s <" + r[1] + "> ?o FILTER(" + filter + ") } }";
            assertThat(csv(count).get(0)[0].trim()).as(r[0]).isEqualTo(r[2].trim());
        }
    }

    @Test
    void classPartitionsCountInstances() {
        String q = "PREFIX void: <http://rdfs.org/ns/void#> SELECT ?n WHERE { <" + ID + "dataset> void:classPartition ?p . "
            + "?p void:class <https://w3id.org/attractivite-autonomie/def#Initiative> ; void:entities ?n }";
        String direct = "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a <https://w3id.org/attractivite-autonomie/def#Initiative> }";
        assertThat(csv(q).get(0)[0].trim()).isEqualTo(csv(direct).get(0)[0].trim());
    }

    @Test
    void dumpsFromTheServerAndFromTheCommandReloadIsomorphic() throws Exception {
        DatasetGraph trig = parse(http.get("/dumps/attractivite-autonomie.trig").body(), Lang.TRIG);
        DatasetGraph nquads = parse(http.get("/dumps/attractivite-autonomie.nq").body(), Lang.NQUADS);
        assertThat(trig.getGraph(org.apache.jena.graph.NodeFactory.createURI(ProjectGraph.GRAPH_BASE + "vienne-benchmark")).size())
            .isGreaterThan(1000);
        assertSameDataset(trig, nquads);

        // the command, on a store of its own (the server holds its store), loads the same files and writes the same dataset
        Path file = fr.aam.dump.DumpCommandAccess.run(tmp.resolve("dump.trig").toString(), "--aam.store=" + tmp.resolve("tdb2"));
        DatasetGraph fromCommand = parse(Files.readString(file), Lang.TRIG);
        assertSameDataset(trig, fromCommand);
        Path turtle = fr.aam.dump.DumpCommandAccess.run(tmp.resolve("dump.ttl").toString(), "--aam.store=" + tmp.resolve("tdb2"));
        org.apache.jena.graph.Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        RDFParser.source(turtle).lang(Lang.TURTLE).parse(union);
        assertThat(union.isIsomorphicWith(trig.getUnionGraph())).isTrue();
    }

    /** The same graph names, each graph isomorphic (graph by graph: blank nodes are matched within their graph). */
    private static void assertSameDataset(DatasetGraph a, DatasetGraph b) {
        java.util.Set<org.apache.jena.graph.Node> names = new java.util.HashSet<>();
        a.listGraphNodes().forEachRemaining(names::add);
        java.util.Set<org.apache.jena.graph.Node> other = new java.util.HashSet<>();
        b.listGraphNodes().forEachRemaining(other::add);
        assertThat(other).isEqualTo(names);
        for (org.apache.jena.graph.Node g : names) {
            assertThat(b.getGraph(g).isIsomorphicWith(a.getGraph(g))).as(g.getURI()).isTrue();
        }
        assertThat(b.getDefaultGraph().isIsomorphicWith(a.getDefaultGraph())).isTrue();
    }

    private static DatasetGraph parse(String body, Lang lang) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(body, lang).parse(d);
        return d;
    }
}
