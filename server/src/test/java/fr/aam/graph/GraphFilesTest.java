package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aam.store.ShapesValidator;
import fr.aam.store.StoreLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The graph's files: they parse, conform to the shapes, and use only declared classes and properties. */
class GraphFilesTest {

    @Test
    void everyFileParsesIntoItsOwnNamedGraph() {
        DatasetGraph ds = ProjectGraph.dataset();
        int files = ProjectGraph.sources().files().size();
        assertTrue(files >= 9, "ontology + shared + per-document files");
        int graphs = 0;
        for (var it = ds.listGraphNodes(); it.hasNext(); it.next()) graphs++;
        assertEquals(files, graphs, "one named graph per file");
        ProjectGraph.sources().files().stream().filter(f -> f.graphIri() != null).forEach(f ->
            assertTrue(ds.getGraph(NodeFactory.createURI(f.graphIri())).size() > 0, f + " is empty"));
    }

    @Test
    void theWholeGraphConformsToTheShapes() {
        ShapesValidator validator = StoreLoader.validatorFor(ProjectGraph.GRAPH_BASE);
        ValidationReport report = validator.validate(ProjectGraph.dataset());
        StringBuilder sb = new StringBuilder();
        report.getEntries().stream().limit(40).forEach(e -> sb.append("\n  ").append(e.focusNode()).append(' ')
            .append(e.resultPath()).append(" — ").append(e.message()));
        assertTrue(report.conforms(), report.getEntries().size() + " violations:" + sb);
    }

    /** A typo'd predicate or class (skos:prefLable, aam:Initative) cannot slip in: each must be declared in ontology/. */
    @Test
    void everyClassAndPropertyUsedInDataIsDeclaredInTheOntology() {
        DatasetGraph ds = ProjectGraph.dataset();
        Set<Node> declared = new java.util.HashSet<>();
        for (var file : ProjectGraph.sources().files()) {
            if (file.graphIri() == null || !file.path().getParent().getFileName().toString().equals("ontology")) continue;
            var g = ds.getGraph(NodeFactory.createURI(file.graphIri()));
            for (Node type : new Node[] {OWL.Class.asNode(), RDFS.Class.asNode(), RDF.Property.asNode(), OWL.ObjectProperty.asNode(),
                    OWL.DatatypeProperty.asNode(), OWL.AnnotationProperty.asNode(), RDFS.Datatype.asNode()}) {
                g.find(Node.ANY, RDF.type.asNode(), type).forEach(t -> declared.add(t.getSubject()));
            }
        }
        Set<String> undeclared = new TreeSet<>();
        ProjectGraph.sources().files().stream()
            .filter(f -> f.graphIri() != null && f.path().getParent().getFileName().toString().equals("data"))
            .forEach(f -> ds.getGraph(NodeFactory.createURI(f.graphIri())).find().forEach(t -> {
                if (!declared.contains(t.getPredicate())) undeclared.add("property " + t.getPredicate().getURI() + " (" + f.path().getFileName() + ")");
                if (t.getPredicate().equals(RDF.type.asNode()) && !declared.contains(t.getObject()))
                    undeclared.add("class " + t.getObject() + " (" + f.path().getFileName() + ")");
            }));
        assertTrue(undeclared.isEmpty(), "Undeclared terms used in data/:\n  " + String.join("\n  ", undeclared));
    }
}
