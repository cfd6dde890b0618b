package fr.aam.bench;

import java.util.Arrays;

/** Latency samples (nanoseconds) and their percentiles, in milliseconds (nearest-rank). */
final class Percentiles {

    private long[] samples = new long[16];
    private int n;

    void add(long nanos) {
        if (n == samples.length) samples = Arrays.copyOf(samples, n * 2);
        samples[n++] = nanos;
    }

    int count() { return n; }

    double ms(double p) {
        if (n == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }
}
