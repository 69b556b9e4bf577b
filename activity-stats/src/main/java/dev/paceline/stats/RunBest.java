package dev.paceline.stats;

/**
 * The shortest elapsed time over a distance inside one activity, with the boundary crossings interpolated.
 *
 * @param name {@code 400m}, {@code 1k}, {@code 1mile}, {@code 5k}, {@code 10k}, {@code half_marathon}, {@code marathon}
 * @param distanceM the distance
 * @param timeS elapsed time (unrounded; the serving marts round to 0.1 s)
 * @param startS elapsed second at which the effort starts (interpolated)
 * @param endS elapsed second at which it ends ({@code startS + timeS})
 */
public record RunBest(String name, double distanceM, double timeS, double startS, double endS) {
}
