package dev.paceline.stats;

/**
 * Athlete figures and grid settings for {@link ActivityStats#compute(StreamSet, Options)}. Nullable athlete figures
 * give null derived figures (METRICS.md: missing inputs give missing figures, never zeros).
 *
 * @param ftpW FTP in force on the activity's date (W), for IF and TSS; null: no IF/TSS
 * @param maxHrBpm max HR in force on the activity's date, for hrTSS; null: no hrTSS
 * @param restHrBpm resting HR; null: {@code HeartRateLoad.DEFAULT_REST_HR_BPM} (the test oracle)
 * @param thresholdHrBpm lactate-threshold HR (LTHR); null: {@code HeartRateLoad.THRESHOLD_SHARE_OF_MAX} × max HR
 * @param female Banister's female coefficients (0.86, 1.67) instead of the male ones (0.64, 1.92)
 * @param maxGapS largest time difference between samples bridged by forward fill (METRICS.md: 5)
 * @param maxElapsedS guard against corrupt time streams: refuse grids longer than this
 */
public record Options(Double ftpW, Integer maxHrBpm, Integer restHrBpm, Integer thresholdHrBpm, boolean female,
        int maxGapS, int maxElapsedS) {

    /** Seven days: longer than any real single activity, small enough to allocate. */
    public static final int DEFAULT_MAX_ELAPSED_S = 7 * 24 * 3600;

    public Options {
        if (ftpW != null && !(ftpW > 0)) {
            throw new IllegalArgumentException("ftpW must be > 0 W or null, got " + ftpW);
        }
        if (maxHrBpm != null && maxHrBpm <= 0) {
            throw new IllegalArgumentException("maxHrBpm must be > 0 or null, got " + maxHrBpm);
        }
        if (maxGapS < 1) {
            throw new IllegalArgumentException("maxGapS must be ≥ 1 s, got " + maxGapS);
        }
        if (maxElapsedS < 1) {
            throw new IllegalArgumentException("maxElapsedS must be ≥ 1 s, got " + maxElapsedS);
        }
    }

    /** No athlete figures, METRICS.md grid settings. */
    public static Options defaults() {
        return new Options(null, null, null, null, false, OneHzGrid.DEFAULT_MAX_GAP_S, DEFAULT_MAX_ELAPSED_S);
    }

    public Options withFtp(Double watts) {
        return new Options(watts, maxHrBpm, restHrBpm, thresholdHrBpm, female, maxGapS, maxElapsedS);
    }

    public Options withHeartRate(Integer maxHr, Integer restHr, Integer thresholdHr, boolean isFemale) {
        return new Options(ftpW, maxHr, restHr, thresholdHr, isFemale, maxGapS, maxElapsedS);
    }

    public Options withMaxGap(int seconds) {
        return new Options(ftpW, maxHrBpm, restHrBpm, thresholdHrBpm, female, seconds, maxElapsedS);
    }
}
