package fr.aam.remote;

import fr.aam.graph.ProjectGraph;
import fr.aam.queries.CannedQueryService;
import fr.aam.queries.QueryCatalog;
import fr.aam.sparql.LocalSparqlRunner;
import fr.aam.sparql.QueryResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The answers Jena gives in-process to the canned queries over the working copy's files (an in-memory TDB2 dataset
 * whose default graph is the union of the named graphs, as the embedded store's), with the parameters bound by the
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
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dsg, () -> {
            ProjectGraph.dataset().find().forEachRemaining(dsg::add);
            dsg.prefixes().putAll(ProjectGraph.dataset().prefixes());
        });
        LocalSparqlRunner runner = new LocalSparqlRunner(dsg, Duration.ofSeconds(60));
        QueryCatalog catalog = QueryCatalog.load(ProjectGraph.home().resolve("queries"), runner);
        this.service = new CannedQueryService(catalog, runner, 10_000);
    }

    QueryCatalog catalog() { return service.catalog(); }

    QueryResult answer(String id, Map<String, List<String>> params) {
        return service.page(service.prepare(id, params));
    }
}
