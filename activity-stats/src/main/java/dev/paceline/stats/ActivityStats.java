package dev.paceline.stats;

import java.util.List;

/**
 * Everything the warehouse keeps from one activity's streams (DESIGN.md "Contracts": read streams once, keep
 * sufficient statistics). {@link #compute(StreamSet, Options)} is a pure function: thread-safe, no shared state,
 * cheap to call in a loop (one pass per figure over primitive arrays of the activity's length).
 *
 * <p>Which figures the warehouse keeps is the caller's decision: METRICS.md keeps power bests only for rides with
 * {@code device_watts} and run bests only for runs; this computes whatever the streams allow.
 *
 * @param coverage recorded / moving / per-channel seconds
 * @param power average and max power over power seconds
 * @param heartrate average and max HR over HR seconds
 * @param speed average and max speed over speed seconds
 * @param powerBests best power at {@link PowerBests#STANDARD_DURATIONS_S} (qualifying windows only)
 * @param powerCurve mean-maximal power on {@link PowerBests#curveDurations(int)} (qualifying windows only)
 * @param normalizedPower NP/IF/TSS; null with fewer than 30 power seconds
 * @param heartrateHistogram seconds per bpm
 * @param powerHistogram seconds per W
 * @param speedHistogram seconds per 0.01 m/s
 * @param runBests best times at {@link RunBests#DISTANCES_M} the activity covers
 */
public record ActivityStats(Coverage coverage, ChannelSummary power, ChannelSummary heartrate, ChannelSummary speed,
        List<PowerBest> powerBests, List<PowerBest> powerCurve, NormalizedPower normalizedPower,
        Histogram heartrateHistogram, Histogram powerHistogram, Histogram speedHistogram,
        List<RunBest> runBests) {

    public static ActivityStats compute(StreamSet streams, Options options) {
        OneHzGrid grid = OneHzGrid.of(streams, options.maxGapS(), options.maxElapsedS());
        return compute(streams, grid, options);
    }

    /** The same with an already built grid (built with the same options). */
    public static ActivityStats compute(StreamSet streams, OneHzGrid grid, Options options) {
        Histogram hr = Histogram.of(Histogram.Kind.HEARTRATE, grid.heartrate, grid.moving);
        Histogram pw = Histogram.of(Histogram.Kind.POWER, grid.watts, grid.moving);
        Histogram sp = Histogram.of(Histogram.Kind.SPEED, grid.speed, grid.moving);
        Coverage coverage = new Coverage(streams.size(), grid.length, grid.recordedS, grid.movingS, grid.wattsS,
                (int) pw.totalMovingS(), grid.heartrateS, (int) hr.totalMovingS(), grid.speedS,
                (int) sp.totalMovingS(), streams.reordered());
        List<PowerBest> curve = PowerBests.curve(grid);
        return new ActivityStats(coverage, ChannelSummary.of(grid.watts), ChannelSummary.of(grid.heartrate),
                ChannelSummary.of(grid.speed), PowerBests.standard(curve), curve,
                NormalizedPower.of(grid, options.ftpW()), hr, pw, sp,
                RunBests.of(streams));
    }

    /** The best at a standard duration, or null when no window qualified. */
    public PowerBest powerBest(int durationS) {
        for (PowerBest b : powerBests) {
            if (b.durationS() == durationS) {
                return b;
            }
        }
        return null;
    }

    /** The run best for a distance name ({@code 5k}, …), or null when the activity does not cover it. */
    public RunBest runBest(String name) {
        for (RunBest b : runBests) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }
}
