package fr.aam.sparql.guard;

import fr.aam.sparql.QueryLimits;
import java.util.function.Predicate;
import org.apache.jena.query.Query;

/**
 * Everything a query from the public must pass before it runs: its text ({@link QueryTextCheck}), its algebra
 * ({@link AlgebraCheck}), and a cap on the number of results.
 */
public final class QueryGuard {

    private final QueryTextCheck text;
    private final AlgebraCheck algebra;
    private final long maxRows;

    public QueryGuard(QueryLimits limits, Predicate<String> serviceAllowed) {
        this.text = new QueryTextCheck(limits.maxQuerySize().toBytes(), limits.maxNesting());
        this.algebra = new AlgebraCheck(limits.maxAlgebraDepth(), serviceAllowed);
        this.maxRows = limits.maxRows();
    }

    /** Before parsing. */
    public void checkText(String queryText) { text.check(queryText); }

    /** After parsing: refuses what may not run, and lowers (or adds) the LIMIT to the cap on results. */
    public void checkAndBound(Query query) {
        algebra.check(query);
        if (!query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)) query.setLimit(maxRows);
    }

    public long maxRows() { return maxRows; }
}
