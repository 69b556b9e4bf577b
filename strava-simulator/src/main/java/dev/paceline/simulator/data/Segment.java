package dev.paceline.simulator.data;

/**
 * One block of an activity's structure.
 *
 * @param seconds   duration of the block
 * @param intensity rides: fraction of FTP; runs and other sports: fraction of threshold speed; 0 = standing still
 * @param constant  true when the block is held exactly (no noise, no coasting): the basis of the known properties
 * @param lap       true when the block ends a lap (structured sessions press the lap button)
 */
public record Segment(int seconds, double intensity, boolean constant, boolean lap) {

    public static Segment steady(int seconds, double intensity) {
        return new Segment(seconds, intensity, false, false);
    }

    public static Segment lap(int seconds, double intensity) {
        return new Segment(seconds, intensity, false, true);
    }

    public static Segment exact(int seconds, double intensity) {
        return new Segment(seconds, intensity, true, true);
    }
}
