package dev.paceline.stats;

/** Synthetic streams for tests. */
final class Streams {

    private Streams() {
    }

    static int[] seconds(int from, int toExclusive) {
        int[] t = new int[toExclusive - from];
        for (int i = 0; i < t.length; i++) {
            t[i] = from + i;
        }
        return t;
    }

    static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static int[] concat(int[]... parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int k = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** A 1 Hz ride at constant power. */
    static StreamSet constantPower(int seconds, double watts) {
        return StreamSet.builder().time(seconds(0, seconds)).watts(constant(seconds, watts)).build();
    }
}
