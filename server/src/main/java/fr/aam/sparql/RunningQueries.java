package fr.aam.sparql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.sparql.exec.QueryExec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries running now, so that they can be stopped together when the server runs short of memory
 * ({@link MemoryGuard}). A query registers for the time it runs; stopping it is Jena's abort, which its request
 * answers as a timeout (503).
 */
public final class RunningQueries {

    private static final Logger log = LoggerFactory.getLogger(RunningQueries.class);

    private final Map<QueryExec, Long> running = new ConcurrentHashMap<>();
    /** Where the queries registered here are registered too (the server's, which the memory guard stops), or null. */
    private final RunningQueries parent;

    public RunningQueries() { this(null); }

    /** Queries of one part of the server (stopped together when it stops), also seen by {@code parent}. */
    public RunningQueries(RunningQueries parent) { this.parent = parent; }

    public void started(QueryExec exec) {
        running.put(exec, System.nanoTime());
        if (parent != null) parent.started(exec);
    }

    public void finished(QueryExec exec) {
        running.remove(exec);
        if (parent != null) parent.finished(exec);
    }

    public int count() { return running.size(); }

    /** Aborts every query running now; returns how many. */
    public int abortAll(String why) {
        int n = 0;
        for (Map.Entry<QueryExec, Long> e : running.entrySet()) {
            log.warn("Stopping a query running for {} ms: {}", Duration.ofNanos(System.nanoTime() - e.getValue()).toMillis(), why);
            e.getKey().abort();
            n++;
        }
        return n;
    }
}
