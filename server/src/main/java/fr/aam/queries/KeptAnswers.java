package fr.aam.queries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * What the canned requests already answered on one data version: the first rows of each answer, in its order, and
 * its total row count. The data changes only when a reload serves a new version, so the same request on the same
 * version has the same answer: a page within the kept rows, or a total already counted, costs no query. A new version
 * drops everything. Bounded by the number of rows kept (the least recently used answers are forgotten first), so the
 * heap it takes does not grow with the data. Behind the memory, the answers computed ahead are stored with their data
 * version ({@link StoredAnswers}): one not in memory (after a restart, or forgotten) is read back from there.
 */
final class KeptAnswers {

    /**
     * The first {@code rows} of an answer in its order; {@code complete} when they are all of it. {@code total} is
     * the answer's row count when known (always when complete), else -1.
     */
    record Answer(List<Var> vars, List<Binding> rows, boolean complete, long total) {
        Answer {
            rows = List.copyOf(rows);
            if (complete) total = rows.size();
        }

        /** Whether rows {@code [offset, offset + limit)} are all known. */
        boolean covers(long offset, long limit) { return complete || offset + limit <= rows.size(); }

        Answer withTotal(long t) { return new Answer(vars, rows, complete, t); }
    }

    /** Answers counted alone (the total of a page past the kept rows) are kept without rows; they cost a row each. */
    private static final int ENTRY_COST = 1;

    private final long maxRows;
    private String version;
    private long keptRows;
    private final Map<String, Answer> answers = new LinkedHashMap<>(64, 0.75f, true);

    private final StoredAnswers stored;

    /**
     * @param maxRows rows kept over every answer at most (0: nothing is kept)
     * @param stored  where the answers computed ahead are stored, read when not in memory
     */
    KeptAnswers(long maxRows, StoredAnswers stored) {
        this.maxRows = maxRows;
        this.stored = stored;
    }

    boolean enabled() { return maxRows > 0; }

    /** @return the kept answer of {@code request} on {@code dataVersion} (in memory, else as stored), or null */
    Answer get(String dataVersion, String request) {
        synchronized (this) {
            Answer a = dataVersion.equals(version) ? answers.get(request) : null;
            if (a != null || !enabled()) return a;
        }
        Answer read = stored.read(dataVersion, request);   // outside the lock: a large answer takes a moment to read
        if (read != null) put(dataVersion, request, read);
        return read;
    }

    /** Stores the answer kept in memory for {@code request} on {@code dataVersion}, with its total, unless it is. */
    void store(String dataVersion, String request) {
        Answer a;
        synchronized (this) { a = dataVersion.equals(version) ? answers.get(request) : null; }
        if (a != null && a.total() >= 0 && !stored.has(dataVersion, request)) stored.write(dataVersion, request, a);
    }

    /** Whether {@code request}'s answer on {@code dataVersion} is stored. */
    boolean isStored(String dataVersion, String request) { return stored.has(dataVersion, request); }

    /** Keeps {@code answer} as {@code request}'s on {@code dataVersion}, forgetting older data and the least used. */
    synchronized void put(String dataVersion, String request, Answer answer) {
        long cost = answer.rows().size() + ENTRY_COST;
        if (cost > maxRows) return;
        if (!dataVersion.equals(version)) {
            answers.clear();
            keptRows = 0;
            version = dataVersion;
        }
        Answer old = answers.put(request, answer);
        if (old != null) keptRows -= old.rows().size() + ENTRY_COST;
        keptRows += cost;
        var eldest = answers.entrySet().iterator();
        while (keptRows > maxRows && eldest.hasNext()) {
            Answer a = eldest.next().getValue();
            if (a == answer) continue;
            keptRows -= a.rows().size() + ENTRY_COST;
            eldest.remove();
        }
    }

    /** Rows kept now, over every answer. */
    synchronized long rows() { return keptRows; }
}
