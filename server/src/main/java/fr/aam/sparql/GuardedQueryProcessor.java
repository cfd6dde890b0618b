package fr.aam.sparql;

import fr.aam.sparql.guard.QueryGuard;
import fr.aam.sparql.guard.QueryRefusedException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;

/**
 * Fuseki's own SPARQL query handler, with the public endpoint's guard: the text is checked before the parser sees
 * it, the parsed query before it runs (SERVICE, depth, {@code java:} functions), and the number of results is capped.
 * A stack overflow that gets past the checks still becomes a 400, never a 500 with an empty body.
 */
final class GuardedQueryProcessor extends SPARQL_QueryDataset {

    static final String ROW_LIMIT_HEADER = "X-Max-Rows";

    private final QueryGuard guard;

    GuardedQueryProcessor(QueryGuard guard) { this.guard = guard; }

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
        }
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
