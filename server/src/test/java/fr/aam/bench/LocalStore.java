package fr.aam.bench;

import fr.aam.graph.ProjectGraph;
import fr.aam.store.GenerationBuilder;
import fr.aam.store.GenerationExtension;
import fr.aam.store.ServedStore;
import fr.aam.store.SourceFiles;
import fr.aam.store.StoreLayout;
import fr.aam.store.StoreMaintenance;
import fr.aam.store.StoreSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The store as the server opens it (its own loader: a generation built from the files, or reopened when they have not
 * changed), for measures and comparisons made in the test's JVM; without the server's query setup, and without its
 * extensions unless given.
 */
public final class LocalStore {

    private LocalStore() {}

    /** @param root the store folder ({@code aam.store}); {@code home} the working copy whose files it holds */
    public static ServedStore open(Path root, Path home) {
        return open(root, home, List.of());
    }

    /** The same, with some of the server's generation extensions (the French text index…) built and served. */
    public static ServedStore open(Path root, Path home, List<GenerationExtension> extensions) {
        StoreLayout layout = new StoreLayout(root);
        StoreSettings settings = new StoreSettings(null, 0);
        String graphBase = ProjectGraph.GRAPH_BASE;
        String baseIri = graphBase.substring(0, graphBase.length() - "graph/".length());
        StoreMaintenance maintenance = new StoreMaintenance(layout, () -> SourceFiles.scan(graphBase, home,
            settings.contextFiles(), home.resolve("ontology"), home.resolve("data")),
            new GenerationBuilder(layout, baseIri, extensions, List.of()), graphBase, settings.keepBackups());
        return maintenance.start();
    }
}
