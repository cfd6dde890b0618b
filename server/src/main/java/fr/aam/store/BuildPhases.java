package fr.aam.store;

/** How long each phase of a build took, for the log: where a load's time goes. */
final class BuildPhases {
    private final StringBuilder done = new StringBuilder();
    private long since = System.nanoTime();

    /** A phase of the build's own thread ended now. */
    synchronized void done(String phase) {
        long now = System.nanoTime();
        append(phase, now - since);
        since = now;
    }

    /** A task on another thread took {@code nanos}. */
    synchronized void took(String task, long nanos) { append(task + " (thread)", nanos); }

    private void append(String phase, long nanos) {
        done.append(done.isEmpty() ? "" : ", ").append(phase).append(' ').append(nanos / 1_000_000).append(" ms");
    }

    @Override public synchronized String toString() { return done.toString(); }
}
