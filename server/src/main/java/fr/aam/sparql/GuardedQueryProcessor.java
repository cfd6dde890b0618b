package fr.aam.sparql;

import fr.aam.sparql.guard.QueryGuard;
import fr.aam.sparql.guard.QueryRefusedException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Fuseki's own SPARQL query handler, with the public endpoint's guard: the text is checked before the parser sees
 * it, the parsed query before it runs (SERVICE, depth, {@code java:} functions), and the number of results is capped.
 * A stack overflow that gets past the checks still becomes a 400, never a 500 with an empty body; a query stopped by
 * the memory guard is answered 503 whatever Jena threw as it stopped.
 */
final class GuardedQueryProcessor extends SPARQL_QueryDataset {

    static final String ROW_LIMIT_HEADER = "X-Max-Rows";

    private final QueryGuard guard;
    private final RunningQueries running;
    /** The execution this request's thread runs, registered in {@link RunningQueries} while it runs. */
    private final ThreadLocal<QueryExec> current = new ThreadLocal<>();

    GuardedQueryProcessor(QueryGuard guard, RunningQueries running) {
        this.guard = guard;
        this.running = running;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        try {
            guard.checkText(queryString);
        } catch (QueryRefusedException e) {
            ServletOps.error(e.status(), e.getMessage());
        }
        action.setResponseHeader(ROW_LIMIT_HEADER, Long.toString(guard.maxRows()));
        try {
            super.execute(queryString, action);
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("Requête trop complexe pour être évaluée / query too complex to evaluate");
        } catch (RuntimeException e) {
            throw running.failure(current.get(), e);
        } finally {
            QueryExec exec = current.get();
            if (exec != null) running.finished(exec);
            current.remove();
        }
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        QueryExec exec = super.createQueryExec(action, query, dataset);
        current.set(exec);
        running.started(exec);
        return exec;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        try {
            guard.checkAndBound(query);
        } catch (QueryRefusedException e) {
            ServletOps.error(e.status(), e.getMessage());
        }
    }
}
