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
 */
public final class QueryAdmissionFilter extends OncePerRequestFilter {

    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int queueLength;
    private final long queueWaitMillis;
    private final ProblemWriter problems;

    public QueryAdmissionFilter(QueryLimits limits, ProblemWriter problems) {
        this.running = new Semaphore(limits.concurrentQueries(), true);
        this.queueLength = limits.queueLength();
        this.queueWaitMillis = limits.queueWait().toMillis();
        this.problems = problems;
    }

    /** The paths whose requests run queries. */
    static boolean runsQueries(String path) {
        return path.equals("/sparql") || path.startsWith("/sparql/") || path.startsWith("/api/queries/")
            || path.startsWith("/api/search") || path.startsWith("/dumps/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !runsQueries(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admit()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "2");
            problems.write(request, response, 503, "Serveur occupé : trop de requêtes en cours, réessayez dans un "
                + "instant / server busy: too many queries running, retry shortly");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private boolean admit() {
        if (running.tryAcquire()) return true;
        if (waiting.incrementAndGet() > queueLength) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return running.tryAcquire(queueWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
