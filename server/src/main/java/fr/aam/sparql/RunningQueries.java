package fr.aam.sparql;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.exec.QueryExec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries running now, so that they can be stopped together when the server runs short of memory
 * ({@link MemoryGuard}). A query registers for the time it runs; stopping it is Jena's abort, which its request
 * answers as a timeout (503).
 *
 * <p>Jena's abort is not always seen by the query's thread as a cancellation: a sort stopped while it fills its bag
 * fails with "SortedDataBag is closed". {@link #failure} tells the caller that such a failure is the stop it asked for,
 * so that it is answered as one (503), not as a server error (500).
 */
public final class RunningQueries {

    private static final Logger log = LoggerFactory.getLogger(RunningQueries.class);

    private final Map<QueryExec, Long> running = new ConcurrentHashMap<>();
    /** The queries stopped here and not yet finished. */
    private final Set<QueryExec> stopped = ConcurrentHashMap.newKeySet();
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
        stopped.remove(exec);
        if (parent != null) parent.finished(exec);
    }

    public int count() { return running.size(); }

    /** Whether {@code exec} was stopped here (or by the parent) since it started. */
    public boolean wasStopped(QueryExec exec) {
        return stopped.contains(exec) || (parent != null && parent.wasStopped(exec));
    }

    /**
     * What a failure of {@code exec}'s thread means: a cancellation if the query was stopped (whatever Jena threw as
     * the abort reached it), the failure itself otherwise. Call it before {@link #finished}.
     */
    public RuntimeException failure(QueryExec exec, RuntimeException e) {
        if (e instanceof QueryCancelledException || exec == null || !wasStopped(exec)) return e;
        QueryCancelledException cancelled = new QueryCancelledException();
        cancelled.addSuppressed(e);
        return cancelled;
    }

    /** Aborts every query running now; returns how many. */
    public int abortAll(String why) {
        int n = 0;
        for (Map.Entry<QueryExec, Long> e : running.entrySet()) {
            log.warn("Stopping a query running for {} ms: {}", Duration.ofNanos(System.nanoTime() - e.getValue()).toMillis(), why);
            stopped.add(e.getKey());
            e.getKey().abort();
            n++;
        }
        return n;
    }
}
