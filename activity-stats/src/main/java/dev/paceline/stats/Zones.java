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
}
