package fr.aam.store;

import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Validates data against ontology/shapes.ttl one file at a time: each file's graph with the context (the ontology and
 * the shared files), plus — through {@link DatasetLookups} — what the rest of the dataset says about the resources
 * involved. Memory holds the shapes, the context and one file's resources' types, never the whole graph. A violation
 * stops the load.
 */
public final class ShapesValidator {

    private static final int MAX_REPORTED = 20;

    private final Shapes shapes;
    private final Graph context;
    private final DatasetLookups lookups;

    /**
     * @param contextGraph the ontology and the shared files, merged
     * @param dataset      the whole dataset the files are part of (read in the caller's transaction)
     */
    public ShapesValidator(Graph shapesGraph, Graph contextGraph, DatasetGraph dataset) {
        if (shapesGraph.isEmpty()) throw new DataLoadException("ontology/shapes.ttl", -1, "no SHACL shapes found");
        this.shapes = Shapes.parse(shapesGraph);
        this.lookups = new DatasetLookups(dataset);
        this.context = new Union(contextGraph, lookups);
    }

    /** The violations of one file's graph: its resources, and those it adds statements about. */
    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, new Union(new Union(data, lookups.typesOfSubjects(data)), context));
    }

    /** The violations of the context itself (ontology and shared files). */
    public ValidationReport validateContext() {
        return ShaclValidator.get().validate(shapes, context);
    }

    public void checkContext(String names) { throwIfViolated(validateContext(), names); }

    /** Throws the violations of {@code data}, naming {@code file}. */
    public void check(Graph data, String file) { throwIfViolated(validate(data), file); }

    private static void throwIfViolated(ValidationReport report, String file) {
        if (report.conforms()) return;
        String details = report.getEntries().stream().limit(MAX_REPORTED).map(ShapesValidator::describe)
            .collect(Collectors.joining("\n  "));
        throw new DataLoadException(file, -1, report.getEntries().size()
            + " SHACL violation(s) against ontology/shapes.ttl:\n  " + details);
    }

    static String describe(ReportEntry e) {
        return e.focusNode() + " " + (e.resultPath() == null ? "" : e.resultPath() + " ") + "— " + e.message();
    }
}
