package dev.paceline.stats;

/**
 * The highest mean power over a window of exactly {@code durationS} seconds of the 1 Hz grid.
 *
 * @param durationS window length
 * @param watts mean power over the window (unrecorded seconds count as 0 W), rounded to 0.1 W
 * @param startS first second of the window (earliest window on ties)
 * @param coverage share of the window's seconds with a power value (0.9..1)
 */
public record PowerBest(int durationS, double watts, int startS, double coverage) {
}
