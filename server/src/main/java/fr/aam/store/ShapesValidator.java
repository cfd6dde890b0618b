package fr.aam.store;

import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;

/**
 * Validates data against ontology/shapes.ttl one file at a time: each file's graph with the context (the ontology and
 * the shared files), plus — through {@link DatasetLookups} — what the rest of the dataset says about the resources
 * involved. Memory holds the shapes, the context and one file's resources' types, never the whole graph. A violation
 * stops the load.
 *
 * <p>A file's focus nodes are the shapes' targets among its own resources (and those whose type another file states),
 * never the context's: the context is validated once, when it changes ({@link #checkContext}), not again with every
 * file — that made each file's validation cost the size of the context, and the load's the product of both.
 */
public final class ShapesValidator {

    private static final int MAX_REPORTED = 20;

    private final Shapes shapes;
    private final Graph context;
    private final DatasetLookups lookups;
    /** The class hierarchy of the context: a file's instances of a subclass are targets of its superclass's shapes. */
    private final Graph subClasses;

    /**
     * @param contextGraph the ontology and the shared files, merged
     * @param dataset      the whole dataset the files are part of (read in the caller's transaction)
     */
    public ShapesValidator(Graph shapesGraph, Graph contextGraph, DatasetGraph dataset) {
        if (shapesGraph.isEmpty()) throw new DataLoadException("ontology/shapes.ttl", -1, "no SHACL shapes found");
        this.shapes = Shapes.parse(shapesGraph);
        this.lookups = new DatasetLookups(dataset);
        this.context = new Union(contextGraph, lookups);
        this.subClasses = GraphFactory.createDefaultGraph();
        contextGraph.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEach(subClasses::add);
    }

    /** The violations of one file's graph: its resources, and those it adds statements about. */
    public ValidationReport validate(Graph data) {
        Graph own = new Union(data, lookups.typesOfSubjects(data));
        Graph all = new Union(own, context);
        Graph targets = new Union(own, subClasses);
        // Jena's plain validation (ShaclPlainValidator), its focus nodes taken from the file's resources only
        ValidationContext validation = ValidationContext.create(shapes, all);
        for (Shape shape : shapes.getTargetShapes()) {
            for (Node focus : VLib.focusNodes(targets, shape)) VLib.validateShape(validation, all, shape, focus);
        }
        return validation.generateReport();
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
