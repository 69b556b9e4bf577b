package dev.paceline.stats;

/**
 * Banister TRIMP and hrTSS (METRICS.md "HR load"): {@code TRIMP = minutes × HRr × a × e^(b × HRr)} with
 * {@code HRr = (avg_hr − rest_hr) / (max_hr − rest_hr)} clamped to 0..1, a = 0.64, b = 1.92 (men) or a = 0.86,
 * b = 1.67 (women, Banister's coefficients); {@code hrTSS = 100 × TRIMP / TRIMP(60 min at threshold HR)}.
 * Minutes and the average are taken over the seconds of the 1 Hz grid that have a heart-rate value.
 * Threshold HR: the configured LTHR, else {@value #THRESHOLD_SHARE_OF_MAX} × max HR (a common LTHR estimate,
 * about Friel's LTHR for a typical max HR).
 *
 * @param avgHrBpm average heart rate over the HR seconds
 * @param minutes HR seconds / 60
 * @param trimp Banister TRIMP
 * @param hrTss TRIMP scaled so that an hour at threshold HR is 100
 * @param thresholdHrBpm the threshold HR used
 */
public record HeartRateLoad(double avgHrBpm, double minutes, double trimp, double hrTss, double thresholdHrBpm) {

    /** Resting HR when none is configured. */
    public static final int DEFAULT_REST_HR_BPM = 60;
    /** Threshold HR as a share of max HR when no LTHR is configured. */
    public static final double THRESHOLD_SHARE_OF_MAX = 0.9;

    /** Banister TRIMP of {@code minutes} at {@code avgHr}. */
    public static double trimp(double minutes, double avgHr, double restHr, double maxHr, boolean female) {
        if (!(maxHr > restHr)) {
            throw new IllegalArgumentException("max HR (" + maxHr + " bpm) must be above rest HR (" + restHr
                    + " bpm): fix max_hr / rest_hr in the athlete settings");
        }
        double r = Math.max(0, Math.min(1, (avgHr - restHr) / (maxHr - restHr)));
        return female ? minutes * r * 0.86 * Math.exp(1.67 * r) : minutes * r * 0.64 * Math.exp(1.92 * r);
    }

    /** hrTSS of {@code minutes} at {@code avgHr}. */
    public static double hrTss(double minutes, double avgHr, double restHr, double maxHr, double thresholdHr,
            boolean female) {
        double hour = trimp(60, thresholdHr, restHr, maxHr, female);
        if (!(hour > 0)) {
            throw new IllegalArgumentException("threshold HR (" + thresholdHr + " bpm) must be above rest HR ("
                    + restHr + " bpm): fix lthr / rest_hr in the athlete settings");
        }
        return 100.0 * trimp(minutes, avgHr, restHr, maxHr, female) / hour;
    }

    /** HR load of an activity, or null without heart-rate seconds or without a max HR in the options. */
    public static HeartRateLoad of(OneHzGrid grid, Options o) {
        if (grid.heartrate == null || grid.heartrateS == 0 || o.maxHrBpm() == null) {
            return null;
        }
        double sum = 0;
        for (double h : grid.heartrate) {
            if (h == h) {
                sum += h;
            }
        }
        double avg = sum / grid.heartrateS;
        double minutes = grid.heartrateS / 60.0;
        double max = o.maxHrBpm();
        double rest = o.restHrBpm() != null ? o.restHrBpm() : DEFAULT_REST_HR_BPM;
        double threshold = o.thresholdHrBpm() != null ? o.thresholdHrBpm() : THRESHOLD_SHARE_OF_MAX * max;
        return new HeartRateLoad(avg, minutes, trimp(minutes, avg, rest, max, o.female()),
                hrTss(minutes, avg, rest, max, threshold, o.female()), threshold);
    }
}
