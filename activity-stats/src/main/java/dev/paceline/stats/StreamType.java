package dev.paceline.stats;

/** The Strava stream types this library reads (the {@code keys} of {@code GET /activities/{id}/streams}). */
public enum StreamType {
    TIME("time"),
    DISTANCE("distance"),
    LATLNG("latlng"),
    ALTITUDE("altitude"),
    VELOCITY_SMOOTH("velocity_smooth"),
    HEARTRATE("heartrate"),
    CADENCE("cadence"),
    WATTS("watts"),
    TEMP("temp"),
    MOVING("moving"),
    GRADE_SMOOTH("grade_smooth");

    private final String key;

    StreamType(String key) {
        this.key = key;
    }

    /** Strava's name of the stream. */
    public String key() {
        return key;
    }

    /** The type for a Strava key, or {@code null} for a key this library does not use. */
    public static StreamType fromKey(String key) {
        for (StreamType t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }
}
