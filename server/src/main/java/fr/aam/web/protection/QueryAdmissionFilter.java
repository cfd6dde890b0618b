package fr.aam.web.protection;

import fr.aam.sparql.QueryLimits;
import fr.aam.web.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission of requests that run queries — {@code /sparql}, the query API, search, dumps: at most
 * {@code aam.limits.concurrent-queries} run at once, a few more wait briefly for a slot, the rest are answered
 * {@code 503} with {@code Retry-After} at once. Overload is refused, not queued without end, and pages, static files
 * and the health check, which never wait here, keep answering.
 *
 * <p>Raw {@code /sparql} queries may hold at most {@code aam.limits.sparql-queries} of the slots: an arbitrary query
 * may run until its timeout, and a few of them at once would otherwise take every slot for that long (the load test,
 * docs/load/, measured it: four such queries left the other requests 0.4 answers a second instead of 20). The slots
 * left over serve the canned queries, search and dumps — the web page — whatever {@code /sparql} receives.
 */
public final class QueryAdmissionFilter extends OncePerRequestFilter {

    private final Semaphore running;
    private final Semaphore sparql;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queueLength;
    private final long queueWaitNanos;
    private final ProblemWriter problems;

    public QueryAdmissionFilter(QueryLimits limits, ProblemWriter problems) {
        this.running = new Semaphore(limits.concurrentQueries(), true);
        this.sparql = new Semaphore(limits.sparqlQueries(), true);
        this.queueLength = limits.queueLength();
        this.queueWaitNanos = limits.queueWait().toNanos();
        this.problems = problems;
    }

    /** The paths whose requests run queries. */
    static boolean runsQueries(String path) {
        return isRawSparql(path) || path.startsWith("/api/queries/") || path.startsWith("/api/search") || path.startsWith("/dumps/");
    }

    /** The paths that run queries written by the client. */
    static boolean isRawSparql(String path) { return path.equals("/sparql") || path.startsWith("/sparql/"); }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !runsQueries(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean raw = isRawSparql(path(request));
        if (!admit(raw)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problems.write(request, response, 503, "Serveur occupé : trop de requêtes en cours, réessayez dans un "
                + "instant / server busy: too many queries running, retry shortly");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
            if (raw) sparql.release();
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** A slot now, or after a short wait in the queue; a raw query first takes one of raw SPARQL's share. */
    private boolean admit(boolean raw) {
        if (tryNow(raw)) return true;
        if (waiting.incrementAndGet() > queueLength) {
            waiting.decrementAndGet();
            return false;
        }
        boolean share = false;
        try {
            long deadline = System.nanoTime() + queueWaitNanos;
            if (raw && !(share = sparql.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS))) return false;
            if (running.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) return true;
            if (share) sparql.release();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (share) sparql.release();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }

    private boolean tryNow(boolean raw) {
        if (raw && !sparql.tryAcquire()) return false;
        if (running.tryAcquire()) return true;
        if (raw) sparql.release();
        return false;
    }
}
