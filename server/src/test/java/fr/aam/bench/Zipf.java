package fr.aam.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Picks the k-th item of a list with a probability proportional to 1/(k+1)^s: a few items take most of the draws,
 * as a few départements, actors, levers and professions do in real plans.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if (n <= 0) throw new IllegalArgumentException("empty list");
        cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) cumulative[k] = sum += 1 / Math.pow(k + 1, exponent);
        for (int k = 0; k < n; k++) cumulative[k] /= sum;
    }

    int next(Random rnd) {
        int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    <T> T pick(List<T> items, Random rnd) { return items.get(next(rnd)); }
}
