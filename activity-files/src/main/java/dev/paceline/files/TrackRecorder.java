package dev.paceline.files;

import java.time.Instant;
import java.util.Arrays;

/**
 * Collects samples as a file yields them and resamples them to 1 Hz: several samples on one second are averaged
 * (position, distance and altitude: the last one wins), samples going back in time are dropped, and samples while
 * the timer is stopped are left out so the pause shows as a gap in {@code time}, as in Strava's streams.
 * {@link #track} derives what the file lacks: distance from GPS, speed from distance, moving from speed.
 *
 * <p>Memory grows with the recording's seconds, not with the file's samples: a 24-hour file at 4 Hz holds 86,400
 * slots of a few doubles each.
 */
public final class TrackRecorder {

    /** A speed at or above this (m/s, a slow walk) counts as moving. */
    static final double MOVING_SPEED_MPS = 0.5;
    /** A gap of more than this (s) between two GPS fixes is not bridged when deriving speed. */
    private static final int MAX_DERIVE_GAP_S = 10;

    private static final int LAT = 0;
    private static final int LNG = 1;
    private static final int DISTANCE = 2;
    private static final int ALTITUDE = 3;
    private static final int SPEED = 4;
    private static final int HEARTRATE = 5;
    private static final int CADENCE = 6;
    private static final int WATTS = 7;
    private static final int TEMP = 8;
    private static final int CHANNELS = 9;
    /** Channels whose value on a repeated second is the last one, not the mean (positions are not averaged). */
    private static final boolean[] LAST_WINS = {true, true, true, true, false, false, false, false, false};

    private long[] seconds = new long[1024];
    private final double[][] sum = new double[CHANNELS][];
    private final int[][] count = new int[CHANNELS][];
    private final boolean[] seen = new boolean[CHANNELS];
    private int n;
    private long pausedFromS = Long.MIN_VALUE;
    private int dropped;

    /** One sample's values; reuse it between {@link #add} calls. NaN = absent. */
    public static final class Sample {
        double lat = Double.NaN;
        double lng = Double.NaN;
        double distance = Double.NaN;
        double altitude = Double.NaN;
        double speed = Double.NaN;
        double heartrate = Double.NaN;
        double cadence = Double.NaN;
        double watts = Double.NaN;
        double temp = Double.NaN;

        public Sample clear() {
            lat = lng = distance = altitude = speed = heartrate = cadence = watts = temp = Double.NaN;
            return this;
        }

        public Sample position(double latDeg, double lngDeg) {
            if (Math.abs(latDeg) <= 90 && Math.abs(lngDeg) <= 180 && !(latDeg == 0 && lngDeg == 0)) {
                lat = latDeg;
                lng = lngDeg;
            }
            return this;
        }

        public Sample distance(double m) {
            distance = m >= 0 ? m : Double.NaN;
            return this;
        }

        public Sample altitude(double m) {
            altitude = m;
            return this;
        }

        public Sample speed(double mps) {
            speed = mps >= 0 && mps < 200 ? mps : Double.NaN;
            return this;
        }

        public Sample heartrate(double bpm) {
            heartrate = bpm > 0 && bpm < 260 ? bpm : Double.NaN;
            return this;
        }

        public Sample cadence(double rpm) {
            cadence = rpm >= 0 && rpm < 300 ? rpm : Double.NaN;
            return this;
        }

        public Sample watts(double w) {
            watts = w >= 0 && w < 5000 ? w : Double.NaN;
            return this;
        }

        public Sample temp(double c) {
            temp = c > -80 && c < 80 ? c : Double.NaN;
            return this;
        }
    }

    public TrackRecorder() {
        for (int c = 0; c < CHANNELS; c++) {
            sum[c] = new double[seconds.length];
            count[c] = new int[seconds.length];
        }
    }

    /** The timer stopped at this epoch second: samples after it are left out until {@link #resume}. */
    public void pause(long epochSecond) {
        if (pausedFromS == Long.MIN_VALUE) {
            pausedFromS = epochSecond;
        }
    }

    /** The timer started again. */
    public void resume(long epochSecond) {
        pausedFromS = Long.MIN_VALUE;
    }

    public boolean paused() {
        return pausedFromS != Long.MIN_VALUE;
    }

    /** Samples that went back in time or fell in a pause and were left out. */
    public int dropped() {
        return dropped;
    }

    /** Number of distinct seconds recorded so far. */
    public int seconds() {
        return n;
    }

    /** Adds a sample taken at {@code epochSecond} (fractions already floored). */
    public void add(long epochSecond, Sample s) {
        if (paused() && epochSecond > pausedFromS) {
            dropped++;
            return;
        }
        int slot;
        if (n > 0 && seconds[n - 1] == epochSecond) {
            slot = n - 1;
        } else if (n > 0 && seconds[n - 1] > epochSecond) {
            dropped++;
            return;
        } else {
            if (n == seconds.length) {
                grow();
            }
            slot = n++;
            seconds[slot] = epochSecond;
        }
        put(slot, LAT, s.lat);
        put(slot, LNG, s.lng);
        put(slot, DISTANCE, s.distance);
        put(slot, ALTITUDE, s.altitude);
        put(slot, SPEED, s.speed);
        put(slot, HEARTRATE, s.heartrate);
        put(slot, CADENCE, s.cadence);
        put(slot, WATTS, s.watts);
        put(slot, TEMP, s.temp);
    }

    private void put(int slot, int c, double v) {
        if (v != v) {
            return;
        }
        seen[c] = true;
        if (LAST_WINS[c]) {
            sum[c][slot] = v;
            count[c][slot] = 1;
        } else {
            sum[c][slot] += v;
            count[c][slot]++;
        }
    }

    private void grow() {
        int len = seconds.length * 2;
        seconds = Arrays.copyOf(seconds, len);
        for (int c = 0; c < CHANNELS; c++) {
            sum[c] = Arrays.copyOf(sum[c], len);
            count[c] = Arrays.copyOf(count[c], len);
        }
    }

    /** Epoch second of the first sample, or -1 without samples. */
    public long firstSecond() {
        return n == 0 ? -1 : seconds[0];
    }

    /** Epoch second of the last sample, or -1 without samples. */
    public long lastSecond() {
        return n == 0 ? -1 : seconds[n - 1];
    }

    /** The whole recording as a track. */
    public Track track() {
        return track(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The samples from {@code fromEpochS} to {@code toEpochS} (inclusive) as a track whose time starts at 0 on its
     * first sample; null when none fall in the range. Used to split a multisport file per session.
     */
    public Track track(long fromEpochS, long toEpochS) {
        int lo = 0;
        while (lo < n && seconds[lo] < fromEpochS) {
            lo++;
        }
        int hi = lo;
        while (hi < n && seconds[hi] <= toEpochS) {
            hi++;
        }
        int m = hi - lo;
        if (m == 0) {
            return null;
        }
        long base = seconds[lo];
        int[] time = new int[m];
        for (int i = 0; i < m; i++) {
            time[i] = (int) (seconds[lo + i] - base);
        }
        double[][] v = new double[CHANNELS][];
        for (int c = 0; c < CHANNELS; c++) {
            v[c] = channel(c, lo, hi);
        }
        double[] lat = v[LAT];
        double[] lng = v[LNG];
        if (lat == null || lng == null) {
            lat = null;
            lng = null;
        }
        double[] distance = v[DISTANCE];
        if (distance == null && lat != null) {
            distance = distanceFromGps(lat, lng);
        } else if (distance != null) {
            distance = rebase(distance);
        }
        double[] velocity = v[SPEED];
        if (velocity == null && distance != null) {
            velocity = speedFromDistance(time, distance);
        }
        boolean[] moving = moving(m, velocity, v[WATTS], v[CADENCE]);
        return new Track(java.time.Instant.ofEpochSecond(base), time, lat, lng, distance, v[ALTITUDE], velocity,
                v[HEARTRATE], v[CADENCE], v[WATTS], v[TEMP], moving);
    }

    private double[] channel(int c, int lo, int hi) {
        if (!seen[c]) {
            return null;
        }
        double[] out = new double[hi - lo];
        boolean any = false;
        for (int i = lo; i < hi; i++) {
            int k = count[c][i];
            if (k == 0) {
                out[i - lo] = Double.NaN;
            } else {
                out[i - lo] = sum[c][i] / k;
                any = true;
            }
        }
        return any ? out : null;
    }

    /** Cumulative distance along the fixes (haversine); seconds without a fix carry the last value. */
    static double[] distanceFromGps(double[] lat, double[] lng) {
        double[] d = new double[lat.length];
        double total = 0;
        int prev = -1;
        for (int i = 0; i < lat.length; i++) {
            if (lat[i] == lat[i] && lng[i] == lng[i]) {
                if (prev >= 0) {
                    total += haversineM(lat[prev], lng[prev], lat[i], lng[i]);
                }
                prev = i;
                d[i] = total;
            } else {
                d[i] = prev < 0 ? Double.NaN : total;
            }
        }
        return d;
    }

    /**
     * Distance from 0 on the first sample, counting only increases: a slice of a multisport file starts at 0, and a
     * device that resets its odometer per session does not produce negative or falling distances.
     */
    private static double[] rebase(double[] distance) {
        double[] out = new double[distance.length];
        double total = Double.NaN;
        double prev = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            double x = distance[i];
            if (x == x) {
                if (prev != prev) {
                    total = 0;
                } else if (x > prev) {
                    total += x - prev;
                }
                prev = x;
            }
            out[i] = total;
        }
        return out;
    }

    static double haversineM(double lat1, double lng1, double lat2, double lng2) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Speed between consecutive distance samples, not across gaps longer than {@link #MAX_DERIVE_GAP_S}. */
    static double[] speedFromDistance(int[] time, double[] distance) {
        double[] v = new double[time.length];
        Arrays.fill(v, Double.NaN);
        int prev = -1;
        for (int i = 0; i < time.length; i++) {
            if (distance[i] != distance[i]) {
                continue;
            }
            if (prev >= 0) {
                int dt = time[i] - time[prev];
                if (dt > 0 && dt <= MAX_DERIVE_GAP_S) {
                    v[i] = Math.max(0, (distance[i] - distance[prev]) / dt);
                }
            }
            prev = i;
        }
        if (time.length > 1 && v[0] != v[0]) {
            v[0] = v[1] == v[1] ? v[1] : Double.NaN;
        }
        return v;
    }

    /** Moving from speed; without a speed value, from pedalling or power (a trainer ride has neither GPS nor speed). */
    static boolean[] moving(int m, double[] velocity, double[] watts, double[] cadence) {
        boolean[] out = new boolean[m];
        for (int i = 0; i < m; i++) {
            double v = velocity == null ? Double.NaN : velocity[i];
            if (v == v) {
                out[i] = v >= MOVING_SPEED_MPS;
            } else {
                out[i] = (watts != null && watts[i] > 0) || (cadence != null && cadence[i] > 0);
            }
        }
        return out;
    }
}
