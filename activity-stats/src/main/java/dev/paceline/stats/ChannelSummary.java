package dev.paceline.stats;

/**
 * Average and maximum of a channel over the grid seconds that have a value (null without any).
 */
public record ChannelSummary(Double avg, Double max) {

    static final ChannelSummary NONE = new ChannelSummary(null, null);

    static ChannelSummary of(double[] values) {
        if (values == null) {
            return NONE;
        }
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (double v : values) {
            if (v == v) {
                sum += v;
                max = Math.max(max, v);
                n++;
            }
        }
        return n == 0 ? NONE : new ChannelSummary(sum / n, max);
    }
}
