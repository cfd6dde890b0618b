package fr.aam.sparql;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the running queries when the heap fills up: the JVM tells (a collection-usage threshold on each heap pool
 * that supports one — memory still in use after a garbage collection, i.e. live data) when more than
 * {@code aam.limits.memory-threshold} of the pool is held, and every query running is then aborted and answered 503.
 * Timeouts bound a query's time; this bounds what a few queries together may hold, whatever the query.
 */
public final class MemoryGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemoryGuard.class);

    private final NotificationEmitter emitter = (NotificationEmitter) ManagementFactory.getMemoryMXBean();
    private final NotificationListener listener;

    public MemoryGuard(RunningQueries running, double threshold) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && pool.getUsage().getMax() > 0) {
                pool.setCollectionUsageThreshold((long) (pool.getUsage().getMax() * threshold));
            }
        }
        this.listener = (notification, handback) -> {
            if (!MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) return;
            int n = running.abortAll("heap above " + Math.round(threshold * 100) + " % after a garbage collection");
            if (n > 0) log.warn("Memory short: {} running quer{} stopped", n, n == 1 ? "y" : "ies");
        };
        emitter.addNotificationListener(listener, null, null);
    }

    @Override
    public void close() {
        try {
            emitter.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException e) {
            // already gone
        }
    }
}
