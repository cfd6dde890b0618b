package fr.aam.queries;

import fr.aam.sparql.QueryResult;
import fr.aam.sparql.InternalQueries;
import fr.aam.sparql.SparqlRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canned queries of queries/. At start every file is parsed and dry-run against the store, so a broken query
 * stops the server (and the build's tests) instead of failing a user's request. The allowed values of
 * class-restricted parameters are read from the data once, since the data only changes at start.
 */
public final class QueryCatalog {

    private static final Logger log = LoggerFactory.getLogger(QueryCatalog.class);

    private final Map<String, CannedQuery> queries;
    private final Map<String, List<AllowedValue>> allowedValues;
    private final Map<String, Set<String>> allowedIris;

    private QueryCatalog(Map<String, CannedQuery> queries, Map<String, List<AllowedValue>> allowedValues) {
        this.queries = Collections.unmodifiableMap(queries);
        this.allowedValues = allowedValues;
        this.allowedIris = new LinkedHashMap<>();
        allowedValues.forEach((cls, vals) -> {
            Set<String> s = new LinkedHashSet<>();
            vals.forEach(v -> s.add(v.value()));
            allowedIris.put(cls, s);
        });
    }

    public static QueryCatalog load(Path dir, SparqlRunner runner) {
        QueryFileParser parser = new QueryFileParser();
        Map<String, CannedQuery> queries = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir, e);
        }
        for (Path f : files) {
            try {
                CannedQuery q = parser.parse("queries/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
                if (queries.put(q.id(), q) != null) throw new IllegalStateException(f + ": duplicate id " + q.id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Query instancesQuery = InternalQueries.load("instances-of-class.rq");
        Map<String, List<AllowedValue>> allowed = new LinkedHashMap<>();
        for (CannedQuery q : queries.values()) {
            for (QueryParam p : q.params()) {
                if (p.valuesOf() != null && !allowed.containsKey(p.valuesOf())) {
                    allowed.put(p.valuesOf(), instancesOf(p.valuesOf(), instancesQuery, runner));
                }
            }
            dryRun(q, runner);
        }
        log.info("{} canned queries loaded from {}", queries.size(), dir);
        return new QueryCatalog(queries, allowed);
    }

    /** Runs the query once with no parameter bound (LIMIT 1): a query that cannot run fails here. */
    private static void dryRun(CannedQuery q, SparqlRunner runner) {
        Query copy = q.query().cloneQuery();
        if (copy.isSelectType()) copy.setLimit(1);
        try {
            runner.run(copy, BindingFactory.empty());
        } catch (RuntimeException e) {
            throw new IllegalStateException(q.file() + ": dry run failed: " + e.getMessage(), e);
        }
    }

    private static List<AllowedValue> instancesOf(String classIri, Query instancesQuery, SparqlRunner runner) {
        QueryResult r = runner.run(instancesQuery,
            BindingFactory.binding(Var.alloc("class"), NodeFactory.createURI(classIri)));
        List<AllowedValue> out = new ArrayList<>();
        r.rows().forEachRemaining(b -> {
            var label = b.get(Var.alloc("label"));
            out.add(new AllowedValue(b.get(Var.alloc("value")).getURI(), label == null ? null : label.getLiteralLexicalForm()));
        });
        return List.copyOf(out);
    }

    public Map<String, CannedQuery> all() { return queries; }

    public CannedQuery get(String id) {
        CannedQuery q = queries.get(id);
        if (q == null) throw new UnknownQueryException(id);
        return q;
    }

    public List<AllowedValue> allowedValues(QueryParam p) {
        return p.valuesOf() == null ? null : allowedValues.get(p.valuesOf());
    }

    public Set<String> allowedIris(QueryParam p) {
        return p.valuesOf() == null ? null : allowedIris.get(p.valuesOf());
    }
}
