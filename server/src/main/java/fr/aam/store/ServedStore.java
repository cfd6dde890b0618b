package fr.aam.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation of the store the server answers from now. Everything that queries asks it for the current dataset
 * at the start of each request (and keeps that one to the end of the request), so a switch is atomic for readers:
 * a query runs entirely on the old data or entirely on the new. The old generation is retired in the background
 * once the queries still running on it are done.
 */
public final class ServedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServedStore.class);
    /** Time for a request that looked the old generation up just before a switch to begin its transaction. */
    static final long RETIRE_GRACE_MILLIS = 2_000;

    private final StoreLayout layout;
    private final AtomicReference<StoreGeneration> current = new AtomicReference<>();
    private final List<Consumer<StoreGeneration>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService retirer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-retirer");
        t.setDaemon(true);
        return t;
    });

    ServedStore(StoreLayout layout, StoreGeneration first) {
        this.layout = layout;
        this.current.set(first);
    }

    /** The generation served now. */
    public StoreGeneration current() { return current.get(); }

    /** The dataset served now: take it once per request. */
    public DatasetGraph dataset() { return current.get().dataset(); }

    /** Called with the new generation after each switch (e.g. Fuseki re-registers its dataset, caches are dropped). */
    public void onSwitch(Consumer<StoreGeneration> listener) { listeners.add(listener); }

    /** Makes {@code next} the served generation, durably (CURRENT), then retires the previous one. */
    synchronized void switchTo(StoreGeneration next) {
        layout.publish(next.dir());
        StoreGeneration old = current.getAndSet(next);
        for (Consumer<StoreGeneration> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.error("After switching to {}: {}", next.name(), e.getMessage(), e);
            }
        }
        log.info("Serving store generation {} ({} triples)", next.name(), next.info().triples());
        if (old != null && old != next) retirer.submit(() -> {
            try {
                old.retire(RETIRE_GRACE_MILLIS);
            } catch (RuntimeException e) {
                log.warn("Retiring {}: {} (its folder is removed at next start)", old.name(), e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        retirer.shutdown();
        try {
            retirer.awaitTermination(ServedStore.RETIRE_GRACE_MILLIS * 5, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StoreGeneration g = current.get();
        if (g != null) g.close();
    }
}
