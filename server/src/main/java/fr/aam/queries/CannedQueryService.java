package fr.aam.queries;

import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * Binds request parameters to a canned query and runs it through {@link SparqlRunner}, with paging and a total count.
 * Each parameter becomes a VALUES block placed first in the WHERE clause of the parsed query (one row per value), so
 * the whole group sees it — FILTERs, OPTIONALs and EXISTS included — and a query can test {@code !BOUND(?param)} for
 * an optional filter. No request text ever becomes query text.
 */
public final class CannedQueryService {

    public static final long DEFAULT_LIMIT = 1000;
    /** Far beyond any result, and far from overflowing offset + limit in the next page's link. */
    static final long MAX_OFFSET = 1_000_000_000_000L;

    private final QueryCatalog catalog;
    private final SparqlRunner runner;
    private final ParameterBinder binder;
    private final ParameterValues values;
    private final long maxLimit;
    /** The expression of sort-key.rq, over ?value. */
    private final Expr sortKey;
    private final TotalCounts counts = new TotalCounts();

    public CannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values, long maxLimit) {
        this.catalog = catalog;
        this.runner = runner;
        this.values = values;
        this.maxLimit = maxLimit;
        this.binder = new ParameterBinder(runner.prefixes());
        this.sortKey = InternalQueries.load("sort-key.rq").getProject().getExpr(Var.alloc("key"));
    }

    public QueryCatalog catalog() { return catalog; }

    public long maxLimit() { return maxLimit; }

    /** @param request the request parameters (paging and format included; unknown names are refused) */
    public PreparedRequest prepare(String id, Map<String, List<String>> request) {
        CannedQuery cq = catalog.get(id);
        for (String name : request.keySet()) {
            if (!QueryFileParser.RESERVED.contains(name) && cq.param(name) == null) {
                throw new BadParameterException(name, "unknown parameter of query '" + id + "' (known: "
                    + cq.params().stream().map(QueryParam::name).toList() + ")");
            }
        }
        Query query = cq.query().cloneQuery();
        for (QueryParam p : cq.params()) {
            List<String> raw = values(request.get(p.name()), p.multi());
            if (raw.isEmpty() && p.defaultValue() != null) raw = values(List.of(p.defaultValue()), p.multi());
            if (raw.isEmpty()) {
                if (p.required()) throw new BadParameterException(p.name(), "is required: " + p.type().expected()
                    + (p.example() == null ? "" : ", e.g. " + p.example()));
                continue;
            }
            ValuesBlock.prepend(query, Var.alloc(p.name()), binder.bind(p, raw, query, values::allows));
        }
        sort(query, request.get("sort"));
        long limit = number(request, "limit", DEFAULT_LIMIT);
        long offset = number(request, "offset", 0);
        if (limit < 1 || limit > maxLimit) throw new BadParameterException("limit", "expected an integer from 1 to " + maxLimit);
        if (offset < 0 || offset > MAX_OFFSET) throw new BadParameterException("offset", "expected an integer from 0 to " + MAX_OFFSET);
        return new PreparedRequest(cq, query, BindingFactory.empty(), limit, offset);
    }

    /** One page of results. Paging applies to SELECT; within a query's own LIMIT/OFFSET when it has them. */
    public QueryResult page(PreparedRequest r) {
        return runner.run(pageQuery(r), r.substitution());
    }

    /** The query a page runs: the canned query with its parameters bound and the page's LIMIT and OFFSET. */
    public Query pageQuery(PreparedRequest r) {
        Query q = r.query().cloneQuery();
        if (q.isSelectType()) {
            long baseOffset = Math.max(q.getOffset(), 0);
            long limit = r.limit();
            if (q.hasLimit()) limit = Math.max(0, Math.min(limit, q.getLimit() - r.offset()));
            q.setOffset(baseOffset + r.offset());
            q.setLimit(limit);
        }
        return q;
    }

    /**
     * Number of rows of the whole result (SELECT). A page shorter than the limit already tells it; otherwise the
     * engine counts, over the query as a sub-query, once per request and data version ({@link TotalCounts}).
     */
    public long total(PreparedRequest r, QueryResult page) {
        if (!r.query().isSelectType()) return -1;
        long rows = page.rows().size();
        if (rows < r.limit() && (rows > 0 || r.offset() == 0)) return r.offset() + rows;
        String version = runner.dataVersion();
        // the request as the engine sees it: the canned query with its parameters' VALUES blocks (and sort)
        String request = version == null ? null : r.query().serialize() + r.substitution();
        Long known = request == null ? null : counts.get(version, request);
        if (known != null) return known;
        long total = count(r);
        if (request != null && version.equals(runner.dataVersion())) counts.put(version, request, total);
        return total;
    }

    private long count(PreparedRequest r) {
        Query count = InternalQueries.load("count-rows.rq");
        // The canned query's prefixes move to the outer query: a sub-query keeps none in SPARQL's syntax, and Jena
        // would write them inside the braces when the query is sent as text to a remote engine.
        Query inner = r.query().cloneQuery();
        count.setPrefixMapping(inner.getPrefixMapping());
        inner.setPrefixMapping(new org.apache.jena.shared.impl.PrefixMappingImpl());
        // the order does not change the number of rows; without a LIMIT or OFFSET to apply, sorting them is wasted
        if (!inner.hasLimit() && !inner.hasOffset() && inner.getOrderBy() != null) inner.getOrderBy().clear();
        ElementGroup group = new ElementGroup();
        group.addElement(new ElementSubQuery(inner));
        count.setQueryPattern(group);
        QueryResult res = runner.run(count, r.substitution());
        Binding b = res.rows().next();
        return ((Number) b.get(Var.alloc("total")).getLiteralValue()).longValue();
    }

    /**
     * {@code sort=column} (ascending) or {@code sort=-column}: the whole result is ordered by that column before it
     * is paged, the query's own order breaking ties. Only a SELECT's projected columns can be sorted.
     */
    private void sort(Query query, List<String> raw) {
        if (raw == null || raw.isEmpty() || raw.get(0).isBlank()) return;
        if (raw.size() > 1) throw new BadParameterException("sort", "takes a single column");
        String s = raw.get(0).trim();
        boolean descending = s.startsWith("-");
        String column = descending ? s.substring(1) : s;
        if (!query.isSelectType() || !query.getResultVars().contains(column)) {
            throw new BadParameterException("sort", "expected a column of the result, optionally preceded by '-' "
                + (query.isSelectType() ? query.getResultVars() : "(this query has no columns)"));
        }
        Var valueVar = Var.alloc("value");
        Var columnVar = Var.alloc(column);
        Expr key = sortKey.applyNodeTransform(n -> valueVar.equals(n) ? columnVar : n);
        List<SortCondition> conditions = new ArrayList<>();
        conditions.add(new SortCondition(key, descending ? Query.ORDER_DESCENDING : Query.ORDER_ASCENDING));
        if (query.getOrderBy() != null) {
            conditions.addAll(query.getOrderBy());
            query.getOrderBy().clear();
        }
        conditions.forEach(query::addOrderBy);
    }

    /** The SPARQL text of a request's query, parameters bound as VALUES blocks, to open in an editor. */
    public String sparql(PreparedRequest r) { return r.query().serialize(); }

    private static List<String> values(List<String> raw, boolean multi) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String v : raw) {
            if (multi) for (String part : v.split(",")) { if (!part.isBlank()) out.add(part.trim()); }
            else out.add(v);
        }
        return out;
    }

    private static long number(Map<String, List<String>> request, String name, long dflt) {
        List<String> v = request.get(name);
        if (v == null || v.isEmpty()) return dflt;
        if (v.size() > 1) throw new BadParameterException(name, "takes a single value");
        try {
            return Long.parseLong(v.get(0).trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "expected an integer, got '" + ParameterBinder.abbreviate(v.get(0)) + "'");
        }
    }
}
