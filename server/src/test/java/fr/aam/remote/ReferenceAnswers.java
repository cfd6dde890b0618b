package fr.aam.remote;

import fr.aam.graph.ProjectGraph;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.ParameterValues;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.RunningQueries;
import fr.aam.sparql.QueryResult;
import fr.aam.bench.LocalStore;
import fr.aam.store.ServedStore;
import fr.aam.text.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.util.FileSystemUtils;

/**
 * The answers Jena gives in-process to the canned queries over the working copy's files (the embedded store, loaded
 * by its own loader in a temporary folder, with its French text index), with the parameters bound by the
 * application's own code: what a remote engine must answer too.
 */
final class ReferenceAnswers {

    private static ReferenceAnswers shared;
    private final CannedQueryService service;

    /** One per test JVM: the files do not change while the tests run. */
    static synchronized ReferenceAnswers get() {
        if (shared == null) shared = new ReferenceAnswers();
        return shared;
    }

    private ReferenceAnswers() {
        try {
            Path dir = Files.createTempDirectory("aam-reference-store-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            // with the server's French text index, so that the search query has its embedded answer too
            ServedStore store = LocalStore.open(dir, ProjectGraph.home(), List.of(new SearchIndex(ProjectGraph.IRIS)));
            LocalSparqlRunner runner = new LocalSparqlRunner(store, Duration.ofSeconds(60), new RunningQueries());
            QueryCatalog catalog = QueryCatalog.load(ProjectGraph.home().resolve("queries"), runner);
            this.service = new CannedQueryService(catalog, runner, new ParameterValues(runner), 10_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    QueryCatalog catalog() { return service.catalog(); }

    QueryResult answer(String id, Map<String, List<String>> params) {
        return service.page(service.prepare(id, params));
    }
}
