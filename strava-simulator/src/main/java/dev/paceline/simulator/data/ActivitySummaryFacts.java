package dev.paceline.simulator.data;

/**
 * What a SummaryActivity needs beyond the plan, kept per activity so that listing thousands of activities does not
 * keep their streams: the summary figures, a coarse polyline and the start/end coordinates (null without GPS).
 */
public record ActivitySummaryFacts(ActivityStats stats, String summaryPolyline, Double startLat, Double startLng,
                                   Double endLat, Double endLng) {
}
