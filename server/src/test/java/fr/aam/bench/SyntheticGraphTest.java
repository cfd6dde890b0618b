package fr.aam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aam.graph.ProjectGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic data generator writes ~10⁴ triples of the real graph's shape that the server would accept: each
 * file validates against ontology/shapes.ttl with the real graph alone (so validation per named graph stays
 * bounded), all of them together too, and the same seed writes the same bytes.
 */
class SyntheticGraphTest {

    static final String AAM = ReferenceTerms.AAM;
    static final String BASE = "https://w3id.org/attractivite-autonomie/";

    @TempDir static Path dir;
    static SyntheticGraph.Result result;
    static Graph realGraph;
    static Shapes shapes;

    @BeforeAll
    static void generate() throws Exception {
        result = new SyntheticGraph(ProjectGraph.home(), BASE, 42).write(dir.resolve("a"), 10_000);
        realGraph = GraphFactory.createDefaultGraph();
        ProjectGraph.dataset().find().forEachRemaining(q -> realGraph.add(q.asTriple()));
        shapes = Shapes.parse(RDFDataMgr.loadGraph(ProjectGraph.home().resolve("ontology/shapes.ttl").toString()));
    }

    @Test
    void writesAboutTheTargetInSeveralFiles() throws Exception {
        assertThat(result.triples()).isBetween(10_000L, 14_000L);
        assertThat(result.files()).hasSizeGreaterThanOrEqualTo(2);
        long parsed = 0;
        for (Path f : result.files()) parsed += RDFDataMgr.loadGraph(f.toString()).size();
        assertThat(parsed).as("triples counted while writing = triples parsed back").isEqualTo(result.triples());
    }

    @Test
    void eachFileConformsToTheShapesWithTheRealGraphAlone() {
        for (Path f : result.files()) {
            Graph g = GraphFactory.createDefaultGraph();
            realGraph.find().forEach(g::add);
            RDFDataMgr.read(g, f.toString());
            assertConforms(f.getFileName().toString(), g);
        }
    }

    @Test
    void aPartnershipWithoutItsRoleIsCaught() {
        Graph g = GraphFactory.createDefaultGraph();
        realGraph.find().forEach(g::add);
        RDFDataMgr.read(g, result.files().get(0).toString());
        Node hadRole = NodeFactory.createURI("http://www.w3.org/ns/prov#hadRole");
        var t = g.find(Node.ANY, hadRole, Node.ANY).filterKeep(x -> x.getSubject().getURI().contains("synthetic-")).next();
        g.delete(t);
        assertThat(ShaclValidator.get().validate(shapes, g).conforms()).isFalse();
    }

    @Test
    void allFilesTogetherConform() {
        Graph g = GraphFactory.createDefaultGraph();
        realGraph.find().forEach(g::add);
        for (Path f : result.files()) RDFDataMgr.read(g, f.toString());
        assertConforms("all synthetic files", g);
    }

    @Test
    void hasTheRealGraphsKindsOfThingsLinkedToRealTerms() {
        Graph g = GraphFactory.createDefaultGraph();
        for (Path f : result.files()) RDFDataMgr.read(g, f.toString());
        for (String cls : List.of("SourceDocument", "Section", "Actor", "Initiative", "Partnership", "Figure", "DocumentAxis")) {
            assertThat(g.contains(Node.ANY, RDF.type.asNode(), NodeFactory.createURI(AAM + cls))).as(cls).isTrue();
        }
        // places, levers and professions are the real ones (not redefined by the synthetic files)
        List<Node> places = g.find(Node.ANY, NodeFactory.createURI(AAM + "place"), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertThat(places).anyMatch(p -> realGraph.contains(p, RDF.type.asNode(), NodeFactory.createURI(AAM + "Territory")));
        List<Node> levers = g.find(Node.ANY, NodeFactory.createURI(AAM + "lever"), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertThat(levers).isNotEmpty().allMatch(l -> realGraph.contains(l, RDF.type.asNode(), NodeFactory.createURI(AAM + "Lever")));
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws Exception {
        SyntheticGraph.Result again = new SyntheticGraph(ProjectGraph.home(), BASE, 42).write(dir.resolve("b"), 10_000);
        assertThat(again.files()).hasSameSizeAs(result.files());
        for (int i = 0; i < again.files().size(); i++) {
            assertThat(Files.mismatch(again.files().get(i), result.files().get(i))).as(again.files().get(i).toString()).isEqualTo(-1L);
        }
    }

    private static void assertConforms(String what, Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        assertThat(report.conforms()).as(what + ":\n" + report.getEntries().stream().limit(10)
            .map(e -> e.focusNode() + " " + e.resultPath() + " " + e.message()).collect(Collectors.joining("\n"))).isTrue();
    }
}
