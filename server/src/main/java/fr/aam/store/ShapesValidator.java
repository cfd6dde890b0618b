package fr.aam.store;

import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/** Validates the union of the staged graphs against ontology/shapes.ttl; a violation stops the load. */
public final class ShapesValidator {

    private static final int MAX_REPORTED = 20;

    private final Node shapesGraph;

    /** @param shapesGraph the named graph holding the shapes (it is excluded from the validated data) */
    public ShapesValidator(Node shapesGraph) { this.shapesGraph = shapesGraph; }

    public ValidationReport validate(DatasetGraph staged) {
        Graph shapes = staged.getGraph(shapesGraph);
        if (shapes.isEmpty()) throw new DataLoadException("ontology/shapes.ttl", -1, "no SHACL shapes found");
        return ShaclValidator.get().validate(Shapes.parse(shapes), unionOfData(staged));
    }

    public void check(DatasetGraph staged) {
        ValidationReport report = validate(staged);
        if (report.conforms()) return;
        String details = report.getEntries().stream().limit(MAX_REPORTED).map(ShapesValidator::describe)
            .collect(Collectors.joining("\n  "));
        throw new DataLoadException("data/", -1, report.getEntries().size()
            + " SHACL violation(s) against ontology/shapes.ttl:\n  " + details);
    }

    static String describe(ReportEntry e) {
        return e.focusNode() + " " + (e.resultPath() == null ? "" : e.resultPath() + " ") + "— " + e.message();
    }

    private Graph unionOfData(DatasetGraph staged) {
        Graph union = GraphFactory.createDefaultGraph();
        staged.listGraphNodes().forEachRemaining(g -> {
            if (!g.equals(shapesGraph)) staged.getGraph(g).find().forEach(union::add);
        });
        return union;
    }
}
