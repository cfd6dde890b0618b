package fr.aam.queries;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * A canned query ready to run: the (copied) query with its parameters' VALUES blocks, a substitution (empty for
 * requests), paging.
 *
 * @param request the request as the engine sees it, unpaged — the query's text with its VALUES blocks and sort, and
 *                the substitution — written once: what its answer is kept under ({@link KeptAnswers})
 */
public record PreparedRequest(CannedQuery source, Query query, Binding substitution, long limit, long offset, String request) {

    PreparedRequest(CannedQuery source, Query query, Binding substitution, long limit, long offset) {
        this(source, query, substitution, limit, offset, query.serialize() + substitution);
    }
}
