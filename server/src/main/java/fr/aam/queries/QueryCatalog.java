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
 * The canned queries of queries/. At start every file is parsed — header, SPARQL, parameters against the query's
 * variables — so a broken file stops the server; nothing runs on the store then, since a query's cost grows with the
 * data and a restart must not (issue 9). Running each query once (the dry run) is the tests' job: a query that parses
 * but cannot run fails the build ({@code QueryFilesTest}), not a user's request. The allowed values of
 * class-restricted parameters are not read here either: {@link ParameterValues} asks the store when they are needed.
 */
public final class QueryCatalog {

    private static final Logger log = LoggerFactory.getLogger(QueryCatalog.class);

    private final Map<String, CannedQuery> queries;

    private QueryCatalog(Map<String, CannedQuery> queries) { this.queries = Collections.unmodifiableMap(queries); }

    /** Parses every file of {@code dir} (the server's start): nothing is run. */
    public static QueryCatalog read(Path dir) {
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
        log.info("{} canned queries read from {}", queries.size(), dir);
        return new QueryCatalog(queries);
    }

    /** Parses every file of {@code dir}, then dry-runs each query on {@code runner} (tests and tools). */
    public static QueryCatalog load(Path dir, SparqlRunner runner) {
        QueryCatalog catalog = read(dir);
        catalog.all().values().forEach(q -> dryRun(q, runner));
        return catalog;
    }

    /**
     * Runs the query once with no parameter bound (LIMIT 1): a query that cannot run fails here. The one dry run, for
     * the tests (its cost grows with the data: the server does not run it at start). A query the engine cannot answer
     * by design (full-text search on a remote engine: {@link UnsupportedQueryException}) is kept: it answers 501 with
     * the reason, logged here once.
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
