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
 * heap it takes does not grow with the data.
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

    /** @param maxRows rows kept over every answer at most (0: nothing is kept) */
    KeptAnswers(long maxRows) { this.maxRows = maxRows; }

    boolean enabled() { return maxRows > 0; }

    /** @return the kept answer of {@code request} on {@code dataVersion}, or null */
    synchronized Answer get(String dataVersion, String request) {
        return dataVersion.equals(version) ? answers.get(request) : null;
    }

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
