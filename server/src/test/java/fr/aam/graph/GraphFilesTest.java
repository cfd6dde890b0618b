package fr.aam.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aam.store.ShapesValidator;
import fr.aam.store.SourceFile;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
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

    /** As the store validates at load: each data file with the ontology and the shared files it may refer to. */
    @Test
    void everyFileConformsToTheShapes() {
        DatasetGraph ds = ProjectGraph.dataset();
        Graph shapes = GraphFactory.createDefaultGraph();
        Graph context = GraphFactory.createDefaultGraph();
        for (SourceFile f : ProjectGraph.sources().files()) {
            if (f.role() == SourceFile.Role.DATA) continue;
            ds.getGraph(NodeFactory.createURI(f.graphIri())).find().forEach(
                (f.role() == SourceFile.Role.SHAPES ? shapes : context)::add);
        }
        ShapesValidator validator = new ShapesValidator(shapes, context, ds);
        StringBuilder sb = new StringBuilder();
        int violations = 0;
        for (SourceFile f : ProjectGraph.sources().files()) {
            if (f.role() != SourceFile.Role.DATA) continue;
            ValidationReport report = validator.validate(ds.getGraph(NodeFactory.createURI(f.graphIri())));
            violations += report.getEntries().size();
            report.getEntries().stream().limit(40).forEach(e -> sb.append("\n  ").append(f.name()).append(": ")
                .append(e.focusNode()).append(' ').append(e.resultPath()).append(" — ").append(e.message()));
        }
        ValidationReport contextReport = validator.validateContext();
        violations += contextReport.getEntries().size();
        contextReport.getEntries().stream().limit(40).forEach(e -> sb.append("\n  shared files: ").append(e.focusNode())
            .append(' ').append(e.resultPath()).append(" — ").append(e.message()));
        assertTrue(violations == 0, violations + " violations:" + sb);
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
