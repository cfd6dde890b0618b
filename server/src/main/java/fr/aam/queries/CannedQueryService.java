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
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementSubQuery;

/**
 * Binds request parameters to a canned query and runs it through {@link SparqlRunner}, with paging and a total count.
 * Each parameter becomes a VALUES block placed first in the WHERE clause of the parsed query (one row per value), so
 * the whole group sees it — FILTERs, OPTIONALs and EXISTS included — and a query can test {@code !BOUND(?param)} for
 * an optional filter. No request text ever becomes query text.
 *
 * <p>On data that changes only by reload (the embedded store: {@link SparqlRunner#dataVersion()}), a request's first
 * rows and its total are kept for the data version ({@link KeptAnswers}): a broad query's answer must be computed
 * whole before its first page (its ORDER BY needs every row), so its next pages, its chart and its download are cut
 * from the rows kept by the first, instead of computing the whole answer again each time.
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
    private final KeptAnswers kept;

    /** Keeps no answer: each request runs its query. */
    public CannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values, long maxLimit) {
        this(catalog, runner, values, maxLimit, 0);
    }

    /** @param keptRows rows of answers kept per data version, over every request (0: none) */
    public CannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values, long maxLimit, long keptRows) {
        this(catalog, runner, values, maxLimit, keptRows, StoredAnswers.none());
    }

    /**
     * @param keptRows rows of answers kept per data version, over every request (0: none)
     * @param stored   where the answers computed ahead are stored with their data version, read back when not kept
     */
    public CannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values, long maxLimit, long keptRows,
                              StoredAnswers stored) {
        this(catalog, runner, values, maxLimit, new KeptAnswers(keptRows, stored));
    }

    private CannedQueryService(QueryCatalog catalog, SparqlRunner runner, ParameterValues values, long maxLimit, KeptAnswers kept) {
        this.kept = kept;
        this.catalog = catalog;
        this.runner = runner;
        this.values = values;
        this.maxLimit = maxLimit;
        this.binder = new ParameterBinder(runner.prefixes());
        this.sortKey = InternalQueries.load("sort-key.rq").getProject().getExpr(Var.alloc("key"));
    }

    public QueryCatalog catalog() { return catalog; }

    /**
     * The same queries and kept answers, run by {@code other} (the answers computed ahead run with a longer timeout
     * than a request's): what one computes, the other finds.
     */
    public CannedQueryService runBy(SparqlRunner other) {
        return new CannedQueryService(catalog, other, values, maxLimit, kept);
    }

    public long maxLimit() { return maxLimit; }

    /** Rows of answers kept now, over every request (bounded by the setting {@code aam.answers.kept-rows}). */
    public long keptRows() { return kept.rows(); }

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

    /**
     * One page of results. Paging applies to SELECT; within a query's own LIMIT/OFFSET when it has them. A page within
     * the rows kept for the request is cut from them; otherwise the query runs for the first rows up to the page's end
     * (at least {@link #DEFAULT_LIMIT}, at most the largest page), which are kept for the next pages.
     */
    public QueryResult page(PreparedRequest r) {
        String version = runner.dataVersion();
        long end = r.offset() + r.limit();
        if (!r.query().isSelectType() || version == null || !kept.enabled() || end > maxLimit) {
            return runner.run(pageQuery(r), r.substitution());
        }
        String request = r.request();
        KeptAnswers.Answer known = kept.get(version, request);
        if (known != null && known.covers(r.offset(), r.limit())) return slice(known, r);
        long keep = Math.min(maxLimit, Math.max(DEFAULT_LIMIT, end));
        // one row more than kept tells whether the kept rows are the whole answer
        QueryResult first = runner.run(window(r, 0, keep + 1), r.substitution());
        List<Binding> rows = new ArrayList<>();
        first.rows().forEachRemaining(rows::add);
        boolean complete = rows.size() <= keep;
        KeptAnswers.Answer answer = new KeptAnswers.Answer(first.rows().getResultVars(),
            complete ? rows : rows.subList(0, (int) keep), complete, known == null ? -1 : known.total());
        if (version.equals(runner.dataVersion())) kept.put(version, request, answer);
        return slice(answer, r);
    }

    /** Whether the answer of {@code r} on the data served now is known, with its total (kept or stored). */
    boolean known(PreparedRequest r) {
        String version = runner.dataVersion();
        if (version == null || !kept.enabled() || !r.query().isSelectType()) return false;
        KeptAnswers.Answer a = kept.get(version, r.request());
        return a != null && a.total() >= 0;
    }

    /** Whether the answer of {@code r} on the data served now is stored ({@link StoredAnswers}). */
    boolean stored(PreparedRequest r) {
        String version = runner.dataVersion();
        return version != null && kept.isStored(version, r.request());
    }

    /** Stores the answer kept for {@code r} on the data served now, if any and not yet stored. */
    void store(PreparedRequest r) {
        String version = runner.dataVersion();
        if (version != null && kept.enabled()) kept.store(version, r.request());
    }

    /** The query a page runs: the canned query with its parameters bound and the page's LIMIT and OFFSET. */
    public Query pageQuery(PreparedRequest r) {
        return window(r, r.offset(), r.limit());
    }

    /** The request's query cut to rows {@code [offset, offset + limit)} of its answer, within its own LIMIT/OFFSET. */
    private static Query window(PreparedRequest r, long offset, long limit) {
        Query q = r.query().cloneQuery();
        if (q.isSelectType()) {
            long baseOffset = Math.max(q.getOffset(), 0);
            if (q.hasLimit()) limit = Math.max(0, Math.min(limit, q.getLimit() - offset));
            q.setOffset(baseOffset + offset);
            q.setLimit(limit);
        }
        return q;
    }

    private static QueryResult slice(KeptAnswers.Answer a, PreparedRequest r) {
        int from = (int) Math.min(r.offset(), a.rows().size());
        int to = (int) Math.min(a.rows().size(), r.offset() + r.limit());
        return QueryResult.ofRows(RowSetMem.create(RowSetStream.create(a.vars(), a.rows().subList(from, to).iterator())));
    }

    /**
     * Number of rows of the whole result (SELECT). A page shorter than the limit already tells it, and so do the kept
     * rows when they are the whole answer; otherwise the engine counts, over the query as a sub-query, once per
     * request and data version ({@link KeptAnswers}).
     */
    public long total(PreparedRequest r, QueryResult page) {
        if (!r.query().isSelectType()) return -1;
        long rows = page.rows().size();
        if (rows < r.limit() && (rows > 0 || r.offset() == 0)) return r.offset() + rows;
        String version = runner.dataVersion();
        if (version == null) return count(r);
        String request = r.request();
        KeptAnswers.Answer known = kept.get(version, request);
        if (known != null && known.total() >= 0) return known.total();
        long total = count(r);
        if (version.equals(runner.dataVersion())) kept.put(version, request, known != null ? known.withTotal(total)
            : new KeptAnswers.Answer(page.rows().getResultVars(), List.of(), false, total));
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
