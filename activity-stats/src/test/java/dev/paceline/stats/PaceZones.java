package dev.paceline.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Pace zones from 5 km times (METRICS.md "Pace"): threshold pace is the Riegel-predicted 10 km pace,
 * {@code T10 = T5 × 2^1.06}, pace = {@code T10 / 10 km}; seven zones relative to it, slowest first. The zones are
 * applied on speed (m/s; {@code speed = 1000 / pace}) with the common rule {@code lower < v ≤ upper}. METRICS.md's
 * ranges in % of threshold pace (> 129, 114–129, 106–113, 101–105, 97–100, 90–96, < 90) are read with each range's
 * lower end inclusive: zone 2 is 114 % ≤ pace ≤ 129 %, zone 3 is 106 % ≤ pace < 114 %, zone 4 is 101–106 %,
 * zone 5 is 97–101 % (so threshold pace itself is zone 5), zone 6 is 90–97 %, zone 7 is pace < 90 %. On speed these
 * are the lower bounds {@code v_t / 1.29, v_t / 1.14, v_t / 1.06, v_t / 1.01, v_t / 0.97, v_t / 0.90}; the only
 * boundary the speed rule places differently is exactly 129 % (zone 1 instead of 2).
 */
public final class PaceZones {

    public static final double RIEGEL_EXPONENT = 1.06;
    /** Cut points as a share of threshold pace, from slow to fast. */
    public static final double[] PACE_CUTS = {1.29, 1.14, 1.06, 1.01, 0.97, 0.90};

    private PaceZones() {
    }

    /** Riegel: predicted 10 km time (s) from a 5 km time (s). */
    public static double tenKmTime(double fiveKmTimeS) {
        return fiveKmTimeS * Math.pow(2, RIEGEL_EXPONENT);
    }

    /** Threshold pace in seconds per km. */
    public static double thresholdPaceSPerKm(double fiveKmTimeS) {
        return tenKmTime(fiveKmTimeS) / 10.0;
    }

    /** Threshold speed in m/s ({@code 10 000 m / T10}). */
    public static double thresholdSpeed(double fiveKmTimeS) {
        return 10_000.0 / tenKmTime(fiveKmTimeS);
    }

    /** Lower bounds (m/s) of the seven zones for a threshold speed; zone 1 (slowest) starts at 0. */
    public static double[] speedBounds(double thresholdSpeedMps) {
        double[] b = new double[PACE_CUTS.length + 1];
        for (int i = 0; i < PACE_CUTS.length; i++) {
            b[i + 1] = thresholdSpeedMps / PACE_CUTS[i];
        }
        return b;
    }

    /**
     * Threshold speed (m/s) per period from the best 5 km time over the 13 weeks ending on each day.
     *
     * @param fiveKmTimes candidate 5 km times (s) by local date: race-type runs of 4.9–5.2 km and 5 km run bests
     */
    public static List<ValuePeriod> history(List<DatedValue> fiveKmTimes, LocalDate from, LocalDate to,
            String source) {
        double[] best = TrailingBest.daily(fiveKmTimes, from, to, TrailingBest.THIRTEEN_WEEKS_DAYS, false);
        double[] speed = new double[best.length];
        for (int k = 0; k < best.length; k++) {
            speed[k] = best[k] == best[k] ? thresholdSpeed(best[k]) : Double.NaN;
        }
        return TrailingBest.periods(speed, from, source);
    }
}
