package dev.paceline.simulator.data;

/**
 * A property of a generated activity that tests can assert exactly: a block held at constant power (FTP tests) or a
 * distance covered at constant speed (parkruns). Seconds count from the activity start on the 1 Hz timeline, which
 * for these indoor/race activities equals the {@code time} stream (no pauses, no smart recording).
 *
 * @param startSecond power blocks: time of the first sample at the block's power; distance blocks: time of the sample
 *                    from which the block's distance is counted (the block ends at {@code startSecond + seconds})
 * @param seconds     length of the block
 * @param watts       the exact power of every second of the block, or null
 * @param meters      the distance covered in the block at constant speed, or null
 */
public record KnownEffort(int startSecond, int seconds, Integer watts, Double meters) {
}
