package fr.aam.queries;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The total row counts of the canned requests already answered, for the data version they were counted on. A full
 * page's total needs a second query over the whole result, as costly as the page itself on a broad query; the same
 * request on the same data has the same total, so it is counted once per data version. A new version (a reload)
 * drops every count; at most {@link #MAX_ENTRIES} requests are remembered, the least recently used forgotten first.
 */
final class TotalCounts {

    static final int MAX_ENTRIES = 2_000;

    private String version;
    private final Map<String, Long> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) { return size() > MAX_ENTRIES; }
    };

    /** @return the count of {@code request} on {@code dataVersion}, or null when it was not counted on it */
    synchronized Long get(String dataVersion, String request) {
        return dataVersion.equals(version) ? counts.get(request) : null;
    }

    synchronized void put(String dataVersion, String request, long total) {
        if (!dataVersion.equals(version)) {
            counts.clear();
            version = dataVersion;
        }
        counts.put(request, total);
    }
}
