package dev.paceline.stats;

import java.util.Arrays;

/**
 * The 1 Hz grid of one activity (METRICS.md "Time base"): seconds {@code 0 .. lastTime}, {@code length = lastTime + 1}.
 *
 * <p>A second is <b>recorded</b> when a sample falls on it, or when it lies inside a gap between two consecutive
 * samples whose times differ by at most {@code maxGapS} (default 5 s): such a gap is bridged by forward fill (the
 * earlier sample's values are repeated). A longer gap is a pause: its seconds are not recorded.
 * <b>Moving</b> comes from the {@code moving} stream (forward-filled like the values; a null entry or an absent stream
 * means moving = recorded); a second is never moving without being recorded.
 *
 * <p>Each value channel (power, heart rate, speed) follows the same rule on its own non-missing samples, so a sensor
 * dropout longer than the gap limit leaves those seconds without a value (NaN) although the second is recorded.
 * Missing means: null in the payload, a negative value, and for heart rate also 0 (METRICS.md: heart rate 0 counts
 * as missing).
 */
public final class OneHzGrid {

    /** METRICS.md: gaps of at most 5 s between samples are bridged. */
    public static final int DEFAULT_MAX_GAP_S = 5;

    final int length;
    final boolean[] recorded;
    final boolean[] moving;
    final double[] watts;
    final double[] heartrate;
    final double[] speed;
    final int recordedS;
    final int movingS;
    final int wattsS;
    final int heartrateS;
    final int speedS;

    private OneHzGrid(int length, boolean[] recorded, boolean[] moving, double[] watts, double[] heartrate,
            double[] speed) {
        this.length = length;
        this.recorded = recorded;
        this.moving = moving;
        this.watts = watts;
        this.heartrate = heartrate;
        this.speed = speed;
        this.recordedS = count(recorded);
        this.movingS = count(moving);
        this.wattsS = countValues(watts);
        this.heartrateS = countValues(heartrate);
        this.speedS = countValues(speed);
    }

    public static OneHzGrid of(StreamSet s) {
        return of(s, DEFAULT_MAX_GAP_S, Options.DEFAULT_MAX_ELAPSED_S);
    }

    /**
     * Builds the grid.
     *
     * @param maxGapS largest time difference between consecutive samples that is bridged (≥ 1)
     * @param maxElapsedS refuse activities whose last time value is beyond this (a corrupt time stream would
     *     otherwise allocate a grid of that many seconds)
     */
    public static OneHzGrid of(StreamSet s, int maxGapS, int maxElapsedS) {
        if (maxGapS < 1) {
            throw new IllegalArgumentException("maxGapS must be ≥ 1 s, got " + maxGapS);
        }
        int[] t = s.time;
        int n = t.length;
        if (n == 0) {
            return new OneHzGrid(0, new boolean[0], new boolean[0], null, null, null);
        }
        int last = t[n - 1];
        if (last > maxElapsedS) {
            throw new StreamFormatException("The time stream ends at " + last + " s, beyond the limit of "
                    + maxElapsedS + " s (Options.maxElapsedS): the time values look corrupt; if the activity is "
                    + "genuinely that long, raise Options.maxElapsedS.");
        }
        int len = last + 1;
        boolean[] rec = new boolean[len];
        boolean[] mov = new boolean[len];
        for (int k = 0; k < n; k++) {
            int a = t[k];
            int b = k + 1 < n && t[k + 1] - a <= maxGapS ? t[k + 1] : a + 1;
            boolean m = s.moving == null || s.moving[k] != 0; // null entry (-1) or absent stream: moving = recorded
            for (int i = a; i < b; i++) {
                rec[i] = true;
                mov[i] = m;
            }
        }
        return new OneHzGrid(len, rec, mov,
                channel(t, s.watts, 0, maxGapS, len),
                channel(t, s.heartrate, Double.MIN_VALUE, maxGapS, len),
                channel(t, s.velocity, 0, maxGapS, len));
    }

    /** Forward-fills one channel over its own valid samples; NaN where it has no value. */
    private static double[] channel(int[] t, double[] v, double minValid, int maxGapS, int len) {
        if (v == null) {
            return null;
        }
        double[] out = new double[len];
        Arrays.fill(out, Double.NaN);
        int prev = -1;
        for (int k = 0; k < t.length; k++) {
            double x = v[k];
            if (!(x >= minValid) || Double.isInfinite(x)) {
                continue;
            }
            if (prev >= 0 && t[k] - t[prev] <= maxGapS) {
                Arrays.fill(out, t[prev] + 1, t[k], v[prev]);
            }
            out[t[k]] = x;
            prev = k;
        }
        return out;
    }

    private static int count(boolean[] a) {
        int c = 0;
        for (boolean b : a) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    private static int countValues(double[] a) {
        if (a == null) {
            return 0;
        }
        int c = 0;
        for (double x : a) {
            if (x == x) {
                c++;
            }
        }
        return c;
    }

    /** Seconds in the grid ({@code lastTime + 1}, 0 without samples). */
    public int length() {
        return length;
    }

    public boolean recorded(int second) {
        return recorded[second];
    }

    public boolean moving(int second) {
        return moving[second];
    }

    /** Power at a second, NaN when the power channel has no value there (or there is no power stream). */
    public double watts(int second) {
        return watts == null ? Double.NaN : watts[second];
    }

    public double heartrate(int second) {
        return heartrate == null ? Double.NaN : heartrate[second];
    }

    public double speed(int second) {
        return speed == null ? Double.NaN : speed[second];
    }

    public int recordedSeconds() {
        return recordedS;
    }

    public int movingSeconds() {
        return movingS;
    }

    public int powerSeconds() {
        return wattsS;
    }

    public int heartrateSeconds() {
        return heartrateS;
    }

    public int speedSeconds() {
        return speedS;
    }
}
