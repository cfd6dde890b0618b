package fr.aam.sparql;

import fr.aam.store.ServedStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.system.Txn;

/**
 * Runs queries on the embedded store's served generation, in a read transaction, with the configured timeout. Each
 * call takes the generation served at its start and runs entirely on it, even if a reload switches meanwhile.
 */
public final class LocalSparqlRunner implements SparqlRunner {

    private final Supplier<DatasetGraph> store;
    private final Duration timeout;
    private final RunningQueries running;
    /** The served generation's name (each build makes a new one, never reused), or null without a store. */
    private final Supplier<String> version;

    public LocalSparqlRunner(ServedStore store, Duration timeout, RunningQueries running) {
        this(store::dataset, () -> store.current().name(), timeout, running);
    }

    /** On any dataset (the tests run the canned queries' dry run on the parsed files, without a store). */
    public LocalSparqlRunner(Supplier<DatasetGraph> dataset, Duration timeout, RunningQueries running) {
        this(dataset, () -> null, timeout, running);
    }

    private LocalSparqlRunner(Supplier<DatasetGraph> dataset, Supplier<String> version, Duration timeout, RunningQueries running) {
        this.store = dataset;
        this.version = version;
        this.timeout = timeout;
        this.running = running;
    }

    @Override
    public String dataVersion() { return version.get(); }

    /**
     * Copies the rows with their terms resolved. TDB2 bindings look their terms up lazily, by node id, which works
     * only inside the transaction: rows read after it ends would fail ("Not in a transaction").
     */
    private static RowSetRewindable detached(RowSet rows) {
        List<Binding> copy = new ArrayList<>();
        rows.forEachRemaining(b -> copy.add(b.detach()));
        return RowSetMem.create(RowSetStream.create(rows.getResultVars(), copy.iterator()));
    }

    @Override
    public Map<String, String> prefixes() {
        DatasetGraph dataset = store.get();
        return Txn.calculateRead(dataset, () -> dataset.prefixes().getMapping());
    }

    @Override
    public QueryResult run(Query query, Binding substitution) {
        DatasetGraph dataset = store.get();
        return Txn.calculateRead(dataset, () -> {
            QueryExecBuilder b = QueryExec.dataset(dataset).query(query).substitution(substitution)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (QueryExec exec = b.build()) {
                running.started(exec);
                try {
                    if (query.isSelectType()) return QueryResult.ofRows(detached(exec.select()));
                    if (query.isAskType()) return QueryResult.ofAsk(exec.ask());
                    if (query.isConstructType()) return QueryResult.ofGraph(exec.construct());
                    if (query.isDescribeType()) return QueryResult.ofGraph(exec.describe());
                    throw new IllegalArgumentException("Unsupported query form");
                } catch (RuntimeException e) {
                    throw running.failure(exec, e);
                } finally {
                    running.finished(exec);
                }
            }
        });
    }
}
