package fr.aam.queries;

import fr.aam.sparql.SparqlRunner;
import fr.aam.sparql.UnsupportedQueryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canned queries of queries/. At start every file is parsed and dry-run against the store, so a broken query
 * stops the server (and the build's tests) instead of failing a user's request. The allowed values of
 * class-restricted parameters are not read here: {@link ParameterValues} asks the store when they are needed.
 */
public final class QueryCatalog {

    private static final Logger log = LoggerFactory.getLogger(QueryCatalog.class);

    private final Map<String, CannedQuery> queries;

    private QueryCatalog(Map<String, CannedQuery> queries) { this.queries = Collections.unmodifiableMap(queries); }

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
        queries.values().forEach(q -> dryRun(q, runner));
        log.info("{} canned queries loaded from {}", queries.size(), dir);
        return new QueryCatalog(queries);
    }

    /**
     * Runs the query once with no parameter bound (LIMIT 1): a query that cannot run fails here. The one dry run, for
     * the server's start and for the tests. A query the engine cannot answer by design (full-text search on a remote
     * engine: {@link UnsupportedQueryException}) is kept: it answers 501 with the reason, logged here once.
     */
    public static void dryRun(CannedQuery q, SparqlRunner runner) {
        Query copy = q.query().cloneQuery();
        if (copy.isSelectType()) copy.setLimit(1);
        try {
            runner.run(copy, BindingFactory.empty());
        } catch (UnsupportedQueryException e) {
            log.warn("Canned query {} is not available on this engine: {}", q.id(), e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalStateException(q.file() + ": dry run failed: " + e.getMessage(), e);
        }
    }

    public Map<String, CannedQuery> all() { return queries; }

    public CannedQuery get(String id) {
        CannedQuery q = queries.get(id);
        if (q == null) throw new UnknownQueryException(id);
        return q;
    }
}
