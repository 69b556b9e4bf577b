package dev.paceline.stats;

/**
 * How much of the activity the streams cover, in seconds of the 1 Hz grid.
 *
 * @param samples canonical samples (distinct seconds)
 * @param elapsedS grid length ({@code last time + 1})
 * @param recordedS recorded seconds
 * @param movingS recorded moving seconds
 * @param powerS seconds with a power value; {@code powerMovingS} those that are moving
 * @param heartrateS seconds with a heart-rate value (HR 0 is missing)
 * @param speedS seconds with a speed ({@code velocity_smooth}) value
 * @param reordered the payload's samples had to be sorted or merged (unsorted or repeated times)
 */
public record Coverage(int samples, int elapsedS, int recordedS, int movingS, int powerS, int powerMovingS,
        int heartrateS, int heartrateMovingS, int speedS, int speedMovingS, boolean reordered) {

    /**
     * Share of a moving time covered by the grid's recorded moving seconds, capped at 1; null when the moving time
     * is not positive. METRICS.md's {@code coverage}: pass the activity's {@code moving_time}.
     */
    public Double movingShareOf(int activityMovingTimeS) {
        return activityMovingTimeS > 0 ? Math.min(1.0, (double) movingS / activityMovingTimeS) : null;
    }
}
