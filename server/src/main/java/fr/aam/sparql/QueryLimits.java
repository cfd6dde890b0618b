package fr.aam.sparql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on every query the public surface runs (settings {@code aam.limits.*}), so that no single request can take
 * the server down: the query's size and nesting are checked before it is parsed or compiled, its results are capped,
 * and only a few queries run at once.
 *
 * @param maxQuerySize     larger query texts are refused with 413 before parsing
 * @param maxNesting       deepest nesting of brackets, braces and parentheses (refused with 400 before the parser
 *                         could overflow its stack)
 * @param maxAlgebraDepth  deepest algebra or expression tree after compilation (a chain of 5,000 OPTIONALs is flat
 *                         text but a 5,000-deep tree)
 * @param maxRows          most solutions a SELECT or CONSTRUCT on /sparql returns (a LIMIT is added or lowered)
 * @param maxResponseSize  most bytes one /sparql response may carry; past it the connection is cut, never a
 *                         truncated 200 that looks complete
 * @param concurrentQueries queries running at once, on /sparql and the query API together (sized to the cores)
 * @param sparqlQueries    of these, the most raw /sparql queries may hold (one less by default): the others stay for
 *                         the canned queries, search and dumps, so that a few arbitrary queries that run until their
 *                         timeout cannot take every slot and the web page keeps answering
 * @param queueLength      requests waiting for a free slot; more are answered 503 at once
 * @param queueWait        longest wait for a free slot before 503
 * @param memoryThreshold  share of the heap still in use after a garbage collection past which the public queries
 *                         running are cancelled (answered 503): a GROUP BY or DISTINCT over a cartesian product can
 *                         fill the heap long before its timeout
 */
@ConfigurationProperties(prefix = "aam.limits")
public record QueryLimits(DataSize maxQuerySize, int maxNesting, int maxAlgebraDepth, long maxRows,
                          DataSize maxResponseSize, int concurrentQueries, int sparqlQueries, int queueLength,
                          Duration queueWait, double memoryThreshold) {

    public QueryLimits {
        if (maxQuerySize == null) maxQuerySize = DataSize.ofKilobytes(100);
        if (maxNesting <= 0) maxNesting = 64;
        if (maxAlgebraDepth <= 0) maxAlgebraDepth = 256;
        if (maxRows <= 0) maxRows = 100_000;
        if (maxResponseSize == null) maxResponseSize = DataSize.ofMegabytes(256);
        if (concurrentQueries <= 0) concurrentQueries = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        if (sparqlQueries <= 0) sparqlQueries = Math.max(1, concurrentQueries - 1);
        if (sparqlQueries > concurrentQueries) sparqlQueries = concurrentQueries;
        if (queueLength < 0) queueLength = 0;
        if (queueWait == null) queueWait = Duration.ofSeconds(2);
        if (memoryThreshold <= 0 || memoryThreshold >= 1) memoryThreshold = 0.7;
    }
}
