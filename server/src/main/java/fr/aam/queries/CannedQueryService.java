package fr.aam.queries;

import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.QueryResult;
import fr.aam.sparql.SparqlRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
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

    private final QueryCatalog catalog;
    private final SparqlRunner runner;
    private final ParameterBinder binder;
    private final long maxLimit;

    public CannedQueryService(QueryCatalog catalog, SparqlRunner runner, long maxLimit) {
        this.catalog = catalog;
        this.runner = runner;
        this.maxLimit = maxLimit;
        this.binder = new ParameterBinder(runner.prefixes());
    }

    public QueryCatalog catalog() { return catalog; }

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
            prependValues(query, Var.alloc(p.name()), binder.bind(p, raw, query, catalog.allowedIris(p)));
        }
        long limit = number(request, "limit", DEFAULT_LIMIT);
        long offset = number(request, "offset", 0);
        if (limit < 1 || limit > maxLimit) throw new BadParameterException("limit", "expected an integer from 1 to " + maxLimit);
        if (offset < 0) throw new BadParameterException("offset", "expected an integer ≥ 0");
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
     * engine counts, over the query as a sub-query.
     */
    public long total(PreparedRequest r, QueryResult page) {
        if (!r.query().isSelectType()) return -1;
        long rows = page.rows().size();
        if (rows < r.limit() && (rows > 0 || r.offset() == 0)) return r.offset() + rows;
        Query count = InternalQueries.load("count-rows.rq");
        // The canned query's prefixes move to the outer query: a sub-query keeps none in SPARQL's syntax, and Jena
        // would write them inside the braces when the query is sent as text to a remote engine.
        Query inner = r.query().cloneQuery();
        count.setPrefixMapping(inner.getPrefixMapping());
        inner.setPrefixMapping(new org.apache.jena.shared.impl.PrefixMappingImpl());
        ElementGroup group = new ElementGroup();
        group.addElement(new ElementSubQuery(inner));
        count.setQueryPattern(group);
        QueryResult res = runner.run(count, r.substitution());
        Binding b = res.rows().next();
        return ((Number) b.get(Var.alloc("total")).getLiteralValue()).longValue();
    }

    private static List<String> values(List<String> raw, boolean multi) {
        List<String> out = new ArrayList<>();
        if (raw == null) return out;
        for (String v : raw) {
            if (multi) for (String part : v.split(",")) { if (!part.isBlank()) out.add(part.trim()); }
            else out.add(v);
        }
        return out;
    }

    private static void prependValues(Query query, Var var, List<Node> nodes) {
        ElementData data = new ElementData();
        data.add(var);
        for (Node n : nodes) {
            BindingBuilder b = BindingBuilder.create();
            b.add(var, n);
            data.add(b.build());
        }
        Element pattern = query.getQueryPattern();
        ElementGroup group;
        if (pattern instanceof ElementGroup g) group = g;
        else { group = new ElementGroup(); group.addElement(pattern); query.setQueryPattern(group); }
        group.getElements().add(0, data);
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
