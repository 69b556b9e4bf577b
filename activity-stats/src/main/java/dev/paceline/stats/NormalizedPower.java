package dev.paceline.stats;

/**
 * Coggan's normalized power and the load derived from it (METRICS.md "Load and fitness").
 *
 * <p>Computed over the seconds of the 1 Hz grid that have a power value only: pauses (gaps over the bridge limit)
 * and power dropouts are cut out, not filled with zeros, as bike computers do. The 30 s rolling mean starts at the
 * 30th such second; NP is the 4th root of the mean 4th power of those rolling means. {@code IF = NP / FTP},
 * {@code TSS = 100 × seconds / 3600 × IF²} where {@code seconds} are the same power-recorded seconds.
 *
 * @param npW normalized power (W), unrounded
 * @param intensityFactor NP / FTP, null without FTP
 * @param tss training stress score, null without FTP
 * @param seconds power-recorded seconds NP and TSS are computed over
 */
public record NormalizedPower(double npW, Double intensityFactor, Double tss, int seconds) {

    static final int WINDOW_S = 30;

    /** NP of the grid, or null with fewer than 30 power-recorded seconds. */
    public static NormalizedPower of(OneHzGrid grid, Double ftpW) {
        double[] w = grid.watts;
        int n = grid.wattsS;
        if (w == null || n < WINDOW_S) {
            return null;
        }
        double[] ring = new double[WINDOW_S];
        double rolling = 0;
        double sum4 = 0;
        int k = 0;
        for (int i = 0; i < grid.length; i++) {
            double x = w[i];
            if (x != x) {
                continue;
            }
            int slot = k % WINDOW_S;
            rolling += x - ring[slot];
            ring[slot] = x;
            k++;
            if (k >= WINDOW_S) {
                double m = rolling / WINDOW_S;
                double m2 = m * m;
                sum4 += m2 * m2;
            }
        }
        double np = Math.sqrt(Math.sqrt(sum4 / (k - WINDOW_S + 1)));
        if (ftpW == null) {
            return new NormalizedPower(np, null, null, n);
        }
        double iff = np / ftpW;
        return new NormalizedPower(np, iff, 100.0 * n / 3600.0 * iff * iff, n);
    }
}
