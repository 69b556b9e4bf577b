package dev.paceline.stats;

/** The zone rule of METRICS.md on single values: {@code lower_i < v ≤ upper_i}, the first zone includes 0, the top zone is open. */
public final class Zones {

    private Zones() {
    }

    /** Zero-based zone index of a value given the zones' lower bounds (strictly increasing). */
    public static int zoneOf(double value, double[] lowerBounds) {
        int z = 0;
        while (z + 1 < lowerBounds.length && value > lowerBounds[z + 1]) {
            z++;
        }
        return z;
    }

    static void checkBounds(double[] lowerBounds) {
        if (lowerBounds.length == 0) {
            throw new IllegalArgumentException("zone bounds are empty: give the lower bound of each zone, e.g. [0, 120, 150]");
        }
        for (int i = 1; i < lowerBounds.length; i++) {
            if (!(lowerBounds[i] > lowerBounds[i - 1])) {
                throw new IllegalArgumentException("zone bounds must increase strictly, found " + lowerBounds[i - 1]
                        + " then " + lowerBounds[i] + " at zone " + (i + 1));
            }
        }
    }

    /**
     * Seconds per zone of a histogram: the Java oracle of the SQL zone times (time in zones sums histogram buckets).
     * Zone {@code i} holds the values {@code v} with {@code lower[i] < v ≤ lower[i+1]}; the first zone also holds everything at or below its lower bound (so 0 is in zone 1), the last zone has no upper bound.
     *
     * @param lowerBounds lower bound of each zone in the value unit, strictly increasing (usually starting at 0)
     * @param moving moving seconds ({@code true}, the METRICS.md figure) or recorded seconds
     */
    static long[] zoneSeconds(Histogram histogram, double[] lowerBounds, boolean moving) {
        checkBounds(lowerBounds);
        long[] out = new long[lowerBounds.length];
        int zone = 0;
        for (int i = 0; i < histogram.size(); i++) {
            double v = (double) histogram.bucket(i) / histogram.kind().scale();
            while (zone + 1 < lowerBounds.length && v > lowerBounds[zone + 1]) {
                zone++;
            }
            out[zone] += moving ? histogram.movingS(i) : histogram.recordedS(i);
        }
        return out;
    }
}
