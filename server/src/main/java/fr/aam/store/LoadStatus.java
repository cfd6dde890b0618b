package fr.aam.store;

import java.time.Instant;

/**
 * What the last start-up load did, for the health endpoint and the logs.
 *
 * @param outcome    LOADED (files changed, store replaced), UNCHANGED (hash matched), FAILED (store kept as it was)
 * @param storeHash  hash of the files the store now serves (may be older than the files when FAILED)
 * @param error      the failure, with file and line, when FAILED
 */
public record LoadStatus(Outcome outcome, String storeHash, String filesHash, String error, Instant at, long millis) {
    public enum Outcome { LOADED, UNCHANGED, FAILED }
}
