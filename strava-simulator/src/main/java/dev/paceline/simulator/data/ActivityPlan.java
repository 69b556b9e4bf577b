package dev.paceline.simulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Everything needed to regenerate one activity deterministically: its streams are simulated on demand from this
 * plan (and its {@code seed}), so the generator keeps only plans in memory.
 *
 * @param id             Strava activity id (64-bit)
 * @param athleteId      owner
 * @param kind           what the activity is
 * @param sportType      Strava {@code sport_type}
 * @param name           title
 * @param start          start instant (UTC)
 * @param zone           the athlete's time zone for this activity
 * @param trainer        Strava {@code trainer}
 * @param commute        Strava {@code commute}
 * @param isPrivate      Strava {@code private} (visible only with {@code activity:read_all})
 * @param workoutType    Strava {@code workout_type} or null
 * @param hasHeartrate   whether a heart-rate strap was worn
 * @param deviceName     the recording device
 * @param gearId         the bike or shoe id, or null
 * @param ftpWatts       FTP on the day
 * @param maxHr          maximum heart rate on the day
 * @param restHr         resting heart rate
 * @param thresholdSpeed running threshold speed on the day, m/s
 * @param segments       structure of the session
 * @param smartRecording whether the device used smart recording for some stretches
 * @param pauses         number of auto-pause stops
 * @param manualDistance distance entered by hand for manual activities, metres
 * @param known          exact property of the activity, or null
 * @param seed           random seed of the stream simulation
 */
public record ActivityPlan(long id, long athleteId, ActivityKind kind, String sportType, String name, Instant start,
                           ZoneId zone, boolean trainer, boolean commute, boolean isPrivate, Integer workoutType,
                           boolean hasHeartrate, String deviceName, String gearId, int ftpWatts, int maxHr, int restHr,
                           double thresholdSpeed, List<Segment> segments, boolean smartRecording, int pauses,
                           double manualDistance, KnownEffort known, long seed) {

    public ActivityPlan {
        segments = List.copyOf(segments);
    }

    /** Planned duration (without pauses), seconds. */
    public int plannedSeconds() {
        return segments.stream().mapToInt(Segment::seconds).sum();
    }

    public LocalDate localDate() {
        return start.atZone(zone).toLocalDate();
    }

    public boolean manual() {
        return !kind.hasStreams();
    }

    public boolean deviceWatts() {
        return kind.isRide() && kind != ActivityKind.RIDE_NO_POWER;
    }

    /** Whether the activity has GPS (latlng) streams. */
    public boolean hasGps() {
        return kind.hasStreams() && !kind.isIndoor() && !trainer;
    }

    /** Whether the activity has distance and speed. */
    public boolean hasDistance() {
        return kind != ActivityKind.RIDE_FTP_TEST && kind != ActivityKind.WEIGHT_TRAINING && kind.hasStreams();
    }

    /** Whether the activity has altitude and grade (GPS or a virtual world). */
    public boolean hasAltitude() {
        return hasGps() || kind == ActivityKind.RIDE_VIRTUAL;
    }

    public boolean hasCadence() {
        return kind.isRide() || kind.isRun() || kind == ActivityKind.WALK || kind == ActivityKind.HIKE;
    }

    public boolean hasTemperature() {
        return hasGps();
    }

    public ActivityPlan withIdentity(long newId, String newName, String newSportType, boolean newPrivate) {
        return new ActivityPlan(newId, athleteId, kind, newSportType, newName, start, zone, trainer, commute,
                newPrivate, workoutType, hasHeartrate, deviceName, gearId, ftpWatts, maxHr, restHr, thresholdSpeed,
                segments, smartRecording, pauses, manualDistance, known, seed);
    }
}
