package fr.aam.store;

import java.time.Instant;

/**
 * What one load did, for the health check, the admin API and the logs.
 *
 * @param kind        START (at start-up), RELOAD (from ontology/ and data/), UPLOAD (one graph), RESTORE (a backup)
 * @param outcome     LOADED (a new generation is served), UNCHANGED (nothing to do), FAILED (the served data is as it
 *                    was), BUSY (another load was in progress)
 * @param generation  the generation served after it
 * @param error       why it failed, with the file and line when there is one
 */
public record LoadReport(Kind kind, Outcome outcome, String generation, String dataHash, long triples, String error,
                         Instant at, long millis) {

    public enum Kind { START, RELOAD, UPLOAD, RESTORE }

    public enum Outcome { LOADED, UNCHANGED, FAILED }

    public boolean failed() { return outcome == Outcome.FAILED; }
}
