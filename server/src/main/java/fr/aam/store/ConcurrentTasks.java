package fr.aam.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs on the loaded data before the generation is accepted — the SHACL validation, the extensions — each on
 * its own thread, so that they share the cores the loader used. The validation's read transaction begins before any
 * extension starts (the VoID statistics write into the metadata graph), so it sees the data as loaded, as if it ran
 * first; the extensions do not read what another one writes ({@link GenerationExtension}). The build waits for all
 * of them; a failure of the validation is the build's first. The validation shares its files out among threads of
 * its own the same way (without phases: its time is the validation's).
 */
final class ConcurrentTasks {
    private final BuildPhases phases;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Throwable> failures = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /** @param phases where each task's time is recorded, or null */
    ConcurrentTasks(BuildPhases phases) { this.phases = phases; }

    void start(String name, Runnable task) { startReading(name, reading -> task.run()); }

    /** Starts {@code task} and returns once it has called its argument (its read transaction has begun) or ended. */
    void startReading(String name, java.util.function.Consumer<Runnable> task) {
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                task.accept(reading::countDown);
            } catch (Throwable e) {
                failures.put(name, e);
            } finally {
                reading.countDown();
                if (phases != null) phases.took(name, System.nanoTime() - t0);
            }
        }, "generation-" + name.replaceAll("\\W+", "-").toLowerCase(java.util.Locale.ROOT));
        threads.add(t);
        t.start();
        try {
            reading.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " started", e);
        }
    }

    /** Waits for every task and throws the first failure (in start order), if any. */
    void awaitAll() {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the generation was being built", e);
            }
        }
        Throwable first;
        synchronized (failures) { first = failures.values().stream().findFirst().orElse(null); }
        if (first instanceof RuntimeException r) throw r;
        if (first instanceof Error err) throw err;
        if (first != null) throw new IllegalStateException(first);
    }
}
