package fr.aam.graph;

import fr.aam.AamProperties;
import fr.aam.Iris;
import fr.aam.store.GraphParser;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.sparql.core.DatasetGraph;

/** The working copy's ontology/ and data/, parsed once per test JVM (one named graph per file, as the server does). */
public final class ProjectGraph {

    /** The dataset's IRIs with the default {@code aam.base-iri}, as the server derives them. */
    public static final Iris IRIS = new AamProperties(null, null, null, null, 0).iris();
    public static final String GRAPH_BASE = IRIS.graphBase();
    private static DatasetGraph dataset;
    private static DatasetGraph union;

    private ProjectGraph() {}

    public static Path home() {
        Path home = AamProperties.findWorkingCopy(Path.of(""));
        if (home == null) throw new IllegalStateException("ontology/ and data/ not found above " + Path.of("").toAbsolutePath());
        return home;
    }

    /** The .rq files of a folder (and its sub-folders), sorted. */
    public static java.util.List<Path> queryFiles(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    /** The canned queries: the .rq files directly in queries/ (not the federated examples of its sub-folder). */
    public static java.util.List<Path> cannedQueryFiles() throws java.io.IOException {
        Path dir = home().resolve("queries");
        return queryFiles(dir).stream().filter(p -> p.getParent().equals(dir)).toList();
    }

    /** Copies the working copy's folders (ontology, data, queries…) into {@code target}, for tests that change them. */
    public static Path copyWorkingCopy(Path target, String... dirs) throws java.io.IOException {
        for (String dir : dirs) {
            Files.createDirectories(target.resolve(dir));
            try (java.util.stream.Stream<Path> s = Files.list(home().resolve(dir))) {
                for (Path p : s.toList()) Files.copy(p, target.resolve(dir).resolve(p.getFileName()));
            }
        }
        return target;
    }

    public static SourceFiles sources() {
        return SourceFiles.scan(GRAPH_BASE, home(), new StoreSettings(null, 0).contextFiles(),
            home().resolve("ontology"), home().resolve("data"));
    }

    public static synchronized DatasetGraph dataset() {
        if (dataset == null) {
            dataset = new GraphParser().parse(sources());
        }
        return dataset;
    }

    /** All named graphs merged into the default graph, as queries see the server's store. */
    public static synchronized DatasetGraph union() {
        if (union == null) {
            org.apache.jena.graph.Graph merged = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            dataset().find().forEachRemaining(q -> merged.add(q.asTriple()));
            union = org.apache.jena.sparql.core.DatasetGraphFactory.wrap(merged);
        }
        return union;
    }
}
