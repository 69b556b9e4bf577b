package dev.paceline.simulator.data;

/**
 * Summary figures of a simulated activity, computed from its 1 Hz truth (pauses excluded), as Strava computes them
 * from the upload. Null fields are absent from the activity (no power meter, no heart-rate strap...).
 */
public record ActivityStats(double distance, int movingTime, int elapsedTime, double elevationGain, Double elevHigh,
                            Double elevLow, double averageSpeed, double maxSpeed, Double averageHeartrate,
                            Double maxHeartrate, Double averageCadence, Double averageWatts, Integer maxWatts,
                            Integer weightedAverageWatts, Double kilojoules, Integer averageTemp, double calories,
                            double sufferScore) {
}
