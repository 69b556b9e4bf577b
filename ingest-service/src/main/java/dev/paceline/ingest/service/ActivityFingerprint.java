package dev.paceline.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What an edit of an activity changes, computed on fields present in both the list summary and the detail, so an
 * activity fetched by webhook is not fetched again by the next listing. Social counters (kudos, comments, photos,
 * achievements) are left out: they change without the athlete editing anything.
 */
public final class ActivityFingerprint {

    static final List<String> FIELDS = List.of("name", "sport_type", "type", "distance", "moving_time", "elapsed_time",
            "total_elevation_gain", "start_date", "start_date_local", "timezone", "utc_offset", "private", "visibility",
            "workout_type", "gear_id", "commute", "trainer", "manual", "average_speed", "max_speed", "average_watts",
            "weighted_average_watts", "kilojoules", "device_watts", "has_heartrate", "average_heartrate",
            "max_heartrate", "elev_high", "elev_low", "upload_id", "external_id", "flagged");
    static final List<String> SHAPE = List.of("start_date", "elapsed_time", "distance");

    private ActivityFingerprint() {
    }

    public static String of(JsonNode activity) {
        return hash(activity, FIELDS);
    }

    /** Changes when the recording itself changed (crop, re-upload): the streams must be fetched again. */
    public static String shape(JsonNode activity) {
        return hash(activity, SHAPE);
    }

    /** start_date as epoch seconds, 0 when absent or unreadable. */
    public static long start(JsonNode activity) {
        String text = activity.path("start_date").asText("");
        try {
            return text.isEmpty() ? 0 : Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String hash(JsonNode node, List<String> fields) {
        StringBuilder canonical = new StringBuilder();
        for (String field : fields) {
            JsonNode value = node.get(field);
            canonical.append(field).append('=').append(value == null ? "" : value.toString()).append('\n');
        }
        return RawWriter.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
