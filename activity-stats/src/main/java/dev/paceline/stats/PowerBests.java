package dev.paceline.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mean-maximal power (METRICS.md "Best efforts"): for a duration d, the highest mean power over any window of exactly
 * d seconds of the 1 Hz grid, where seconds without a power value count as 0 W and a window qualifies when at least
 * 90 % of its seconds have a power value. O(grid length) per duration from prefix sums kept in exact integer
 * milliwatts, so ties (the earliest window wins) do not depend on floating-point noise.
 */
public final class PowerBests {

    /** The configured durations; the first five are the original's. */
    public static final int[] STANDARD_DURATIONS_S = {15, 30, 60, 120, 300, 600, 1200, 1800, 3600};

    /**
     * The mean-maximal curve grid up to 8 h: about 1.25× spacing, a superset of the serving contract's list
     * (1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200)
     * and of {@link #STANDARD_DURATIONS_S}; beyond 8 h the grid continues every 2 h.
     */
    static final int[] CURVE_GRID_S = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 105, 120,
        150, 180, 210, 240, 300, 360, 420, 480, 540, 600, 720, 900, 1080, 1200, 1500, 1800, 2100, 2400, 2700, 3000,
        3600, 4500, 5400, 6300, 7200, 9000, 10800, 12600, 14400, 18000, 21600, 25200, 28800};

    private PowerBests() {
    }

    /** The curve grid durations that fit in {@code upToS} seconds (ascending). */
    public static int[] curveDurations(int upToS) {
        int n = 0;
        while (n < CURVE_GRID_S.length && CURVE_GRID_S[n] <= upToS) {
            n++;
        }
        int[] out = Arrays.copyOf(CURVE_GRID_S, n);
        if (n == CURVE_GRID_S.length) {
            int last = CURVE_GRID_S[n - 1];
            for (int d = last + 7200; d <= upToS; d += 7200) {
                out = Arrays.copyOf(out, out.length + 1);
                out[out.length - 1] = d;
            }
        }
        return out;
    }

    /** The curve on {@link #curveDurations(int)} up to the grid length; durations without a qualifying window are left out. */
    public static List<PowerBest> curve(OneHzGrid grid) {
        return meanMaximal(grid, curveDurations(grid.length));
    }

    /** Best power for each of the given durations that has a qualifying window, in the given order. */
    public static List<PowerBest> meanMaximal(OneHzGrid grid, int[] durationsS) {
        double[] w = grid.watts;
        int len = grid.length;
        if (w == null || grid.wattsS == 0) {
            return List.of();
        }
        long[] sum = new long[len + 1]; // milliwatt-seconds
        int[] cnt = new int[len + 1];
        for (int i = 0; i < len; i++) {
            double x = w[i];
            boolean has = x == x;
            sum[i + 1] = sum[i] + (has ? Math.round(x * 1000.0) : 0L);
            cnt[i + 1] = cnt[i] + (has ? 1 : 0);
        }
        List<PowerBest> out = new ArrayList<>(durationsS.length);
        for (int d : durationsS) {
            if (d < 1) {
                throw new IllegalArgumentException("durations must be ≥ 1 s, got " + d);
            }
            if (d > len) {
                continue;
            }
            int need = (9 * d + 9) / 10; // ceil(0.9 d): count ≥ 90 % of d, in integers
            long best = -1;
            int bestStart = -1;
            int bestCount = 0;
            for (int s = 0, e = d; e <= len; s++, e++) {
                int c = cnt[e] - cnt[s];
                if (c >= need) {
                    long v = sum[e] - sum[s];
                    if (v > best) {
                        best = v;
                        bestStart = s;
                        bestCount = c;
                    }
                }
            }
            if (bestStart >= 0) {
                double mean = best / 1000.0 / d;
                out.add(new PowerBest(d, Math.round(mean * 10.0) / 10.0, bestStart, (double) bestCount / d));
            }
        }
        return out;
    }

    /** The entries of a curve at {@link #STANDARD_DURATIONS_S} (those with a qualifying window). */
    public static List<PowerBest> standard(List<PowerBest> curve) {
        List<PowerBest> out = new ArrayList<>(STANDARD_DURATIONS_S.length);
        for (PowerBest b : curve) {
            if (Arrays.binarySearch(STANDARD_DURATIONS_S, b.durationS()) >= 0) {
                out.add(b);
            }
        }
        return out;
    }
}
