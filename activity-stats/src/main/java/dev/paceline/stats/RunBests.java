package dev.paceline.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Best running times (METRICS.md "Best efforts"): for each distance D, the shortest elapsed time between two points
 * of the activity that are D apart on the distance stream. Time is a piecewise-linear function of distance between
 * samples, so the optimum has its start or its end on a sample: one two-pointer sweep with the start on samples
 * (end interpolated where the distance crosses start + D) and one with the end on samples (start interpolated at
 * end − D), O(samples) per distance.
 *
 * <p>Input: the canonical samples (not the 1 Hz grid; elapsed time includes pauses, as "elapsed" says). Samples
 * without a distance are skipped; the distance is made non-decreasing (a GPS step backwards repeats the previous
 * value), so a glitch can never create a shortcut.
 */
public final class RunBests {

    /** Distance names, as in the serving contract. */
    public static final String[] NAMES = {"400m", "1k", "1mile", "5k", "10k", "half_marathon", "marathon"};
    /** The distances in metres. */
    public static final double[] DISTANCES_M = {400, 1000, 1609.344, 5000, 10000, 21097.5, 42195};

    private RunBests() {
    }

    /** Bests for the standard distances the activity covers. */
    public static List<RunBest> of(StreamSet s) {
        return of(s, NAMES, DISTANCES_M);
    }

    /** Bests for the given distances (metres, > 0) the activity covers. */
    public static List<RunBest> of(StreamSet s, String[] names, double[] distancesM) {
        double[] raw = s.distance;
        if (raw == null) {
            return List.of();
        }
        int n = 0;
        double[] t = new double[s.time.length];
        double[] d = new double[s.time.length];
        double runMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.time.length; k++) {
            double x = raw[k];
            if (x != x || Double.isInfinite(x)) {
                continue;
            }
            runMax = Math.max(runMax, x);
            t[n] = s.time[k];
            d[n] = runMax;
            n++;
        }
        List<RunBest> out = new ArrayList<>(distancesM.length);
        if (n < 2) {
            return out;
        }
        for (int q = 0; q < distancesM.length; q++) {
            double dist = distancesM[q];
            if (!(dist > 0)) {
                throw new IllegalArgumentException("run-best distances must be > 0 m, got " + dist);
            }
            if (d[n - 1] - d[0] < dist) {
                continue;
            }
            double bestTime = Double.POSITIVE_INFINITY;
            double bestStart = 0;
            // start on sample i, end where distance first reaches d[i] + dist
            for (int i = 0, j = 0; i < n; i++) {
                double target = d[i] + dist;
                if (target > d[n - 1]) {
                    break;
                }
                if (j <= i) {
                    j = i + 1;
                }
                while (d[j] < target) {
                    j++;
                }
                if (t[j - 1] - t[i] > bestTime) {
                    continue; // the end is at or after t[j−1]: cannot beat the best, skip the interpolation
                }
                double end = t[j - 1] + (target - d[j - 1]) / (d[j] - d[j - 1]) * (t[j] - t[j - 1]);
                double el = end - t[i];
                if (el < bestTime || (el == bestTime && t[i] < bestStart)) {
                    bestTime = el;
                    bestStart = t[i];
                }
            }
            // end on sample j, start where distance last leaves d[j] − dist
            for (int j = 0, i = 0; j < n; j++) {
                double from = d[j] - dist;
                if (from < d[0]) {
                    continue;
                }
                while (i + 1 < j && d[i + 1] <= from) {
                    i++;
                }
                if (t[j] - t[i + 1] > bestTime) {
                    continue; // the start is at or before t[i+1]: cannot beat the best
                }
                double start = t[i] + (from - d[i]) / (d[i + 1] - d[i]) * (t[i + 1] - t[i]);
                double el = t[j] - start;
                if (el < bestTime || (el == bestTime && start < bestStart)) {
                    bestTime = el;
                    bestStart = start;
                }
            }
            out.add(new RunBest(names[q], dist, bestTime, bestStart, bestStart + bestTime));
        }
        return out;
    }
}
