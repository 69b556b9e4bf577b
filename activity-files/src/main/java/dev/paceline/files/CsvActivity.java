package dev.paceline.files;

import java.time.Instant;

/**
 * One row of Strava's {@code activities.csv}, values in SI units (the SI copies of repeated columns).
 *
 * @param line the row's first line in the file (for the report)
 * @param id Strava's activity id
 * @param start start time (the CSV's dates are UTC)
 * @param name activity name
 * @param sportType Strava's sport_type ({@code Virtual Ride} → {@code VirtualRide})
 * @param description description, or null
 * @param elapsedS elapsed time in seconds, or null
 * @param movingS moving time in seconds, or null
 * @param distanceM distance in metres, or null
 * @param elevationGainM elevation gain in metres, or null
 * @param maxSpeedMps max speed m/s, or null
 * @param averageSpeedMps average speed m/s, or null
 * @param maxHeartrate max heart rate, or null
 * @param averageHeartrate average heart rate, or null
 * @param maxWatts max power, or null
 * @param averageWatts average power, or null
 * @param weightedAverageWatts Strava's weighted average power, or null
 * @param averageCadence average cadence, or null
 * @param calories calories, or null
 * @param commute the commute flag
 * @param gear gear name as the CSV gives it, or null
 * @param filename the path of the original file inside the export ({@code activities/123.fit.gz}), or null for a
 *     manual activity
 */
public record CsvActivity(
        int line,
        long id,
        Instant start,
        String name,
        String sportType,
        String description,
        Integer elapsedS,
        Integer movingS,
        Double distanceM,
        Double elevationGainM,
        Double maxSpeedMps,
        Double averageSpeedMps,
        Double maxHeartrate,
        Double averageHeartrate,
        Double maxWatts,
        Double averageWatts,
        Double weightedAverageWatts,
        Double averageCadence,
        Double calories,
        boolean commute,
        String gear,
        String filename) {
}
