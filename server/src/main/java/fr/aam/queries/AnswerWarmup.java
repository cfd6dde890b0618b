package fr.aam.queries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import fr.aam.sparql.RunningQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes, once a data version is served, the answers the web page asks first — each canned query without
 * parameters (when it has no required one) and with its example — so that they are kept ({@link KeptAnswers}) before
 * anyone asks. At national scale a broad query's answer takes seconds whatever the page (its ORDER BY needs every
 * row): computed here, at load, rather than by its first visitor. One background thread; a newer data version
 * starts over. Each answer is stored with its data version ({@link StoredAnswers}): after a restart on the same
 * store they are read back, by this thread or by a visitor who asks first, instead of computed again.
 */
public final class AnswerWarmup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerWarmup.class);

    /** A canned request: a query and its parameters. */
    public record Request(String queryId, Map<String, List<String>> params) {
        /** "(example)" or "(no parameter)", as the benchmark's tables name it. */
        public String label() { return params.isEmpty() ? "(no parameter)" : "(example)"; }
    }

    private final CannedQueryService service;
    private final Supplier<String> dataVersion;
    /** The queries it runs, stopped when the server stops (before the store closes: a read left open would hold it). */
    private final RunningQueries queries;
    private volatile boolean stopping;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "answer-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private Future<?> running;
    private volatile Run lastRun;

    /** What a complete run did on {@code version}: answers read back as stored, computed, failed. */
    public record Run(String version, int read, int computed, int failed) {}

    /** @param queries where the runner of {@code service} registers its queries */
    public AnswerWarmup(CannedQueryService service, Supplier<String> dataVersion, RunningQueries queries) {
        this.service = service;
        this.dataVersion = dataVersion;
        this.queries = queries;
    }

    /**
     * The requests computed ahead — each query with its example parameters, and with none when it needs none — which
     * are also the cases the benchmark measures.
     */
    public static List<Request> requests(QueryCatalog catalog) {
        List<Request> out = new ArrayList<>();
        for (CannedQuery q : catalog.all().values()) {
            Map<String, List<String>> example = new LinkedHashMap<>();
            for (QueryParam p : q.params()) if (p.example() != null) example.put(p.name(), List.of(p.example()));
            if (!example.isEmpty()) out.add(new Request(q.id(), example));
            if (q.params().stream().noneMatch(QueryParam::required)) out.add(new Request(q.id(), Map.of()));
        }
        return out;
    }

    /** Starts computing the answers on the data served now; a computation still running for older data stops. */
    public synchronized void start() {
        if (running != null) running.cancel(true);
        queries.abortAll("newer data served");   // its answers are for older data; and it would delay that data's retirement
        running = thread.submit(this::warm);
    }

    /** Waits for the computation started last (tests, the benchmark's wait for a quiet server). */
    public void awaitDone() throws Exception {
        Future<?> f;
        synchronized (this) { f = running; }
        if (f != null) f.get();
    }

    private void warm() {
        String version = dataVersion.get();
        if (version == null) return;
        long t0 = System.nanoTime();
        int done = 0, read = 0, failed = 0;
        for (Request req : requests(service.catalog())) {
            if (stopping || Thread.currentThread().isInterrupted() || !version.equals(dataVersion.get())) return;
            try {
                long r0 = System.nanoTime();
                PreparedRequest r = service.prepare(req.queryId(), req.params());
                if (service.stored(r) && service.known(r)) {   // read back (a restart on the same store)
                    read++;
                    continue;
                }
                long total = service.total(r, service.page(r));
                service.store(r);
                done++;
                log.debug("Answer of {} {} computed ahead: {} rows in {} ms", req.queryId(), req.params(), total,
                    (System.nanoTime() - r0) / 1_000_000);
            } catch (RuntimeException e) {   // a timeout: the request will be computed by its first visitor
                if (stopping) return;
                failed++;
                log.warn("Answer of {} {} not computed ahead: {}", req.queryId(), req.params(), e.getMessage());
            }
        }
        log.info("Answers of {} canned requests computed ahead on data version {} in {} ms ({} read back as stored, {} computed, {} failed)",
            done + read, version, (System.nanoTime() - t0) / 1_000_000, read, done, failed);
        lastRun = new Run(version, read, done, failed);
    }

    /** The last complete run, or null (none yet). */
    public Run lastRun() { return lastRun; }

    /** Stops the query running, if any, and waits for the thread: the store may close after this. */
    @Override
    public void close() {
        stopping = true;
        synchronized (this) { if (running != null) running.cancel(true); }
        queries.abortAll("the server stops");
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) log.warn("Answers computed ahead: still running at stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
