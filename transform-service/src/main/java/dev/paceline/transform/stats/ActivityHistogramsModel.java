package dev.paceline.transform.stats;

import static dev.paceline.platform.warehouse.ColumnType.FLOAT64;
import static dev.paceline.platform.warehouse.ColumnType.INT64;
import static dev.paceline.platform.warehouse.ColumnType.STRING;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.Histogram;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code int_activity_histograms}: seconds of the 1 Hz grid per value bucket — whole bpm ({@code heartrate}), whole
 * watts ({@code power}) and 0.01 m/s ({@code speed}) — recorded and moving. Time in zones sums these buckets between
 * the zone bounds in force on the activity's date, so a zone change never re-reads streams.
 */
@Singleton
public class ActivityHistogramsModel extends StreamStatsModel {

    public static final String NAME = "int_activity_histograms";

    public ActivityHistogramsModel(StreamStatsCache cache) {
        super(cache, NAME, "one row per activity, channel (heartrate | power | speed) and non-empty value bucket",
                schemaOf(Column.of("kind", STRING), Column.of("bucket", INT64), Column.of("value", FLOAT64),
                        Column.of("recorded_s", INT64), Column.of("moving_s", INT64)),
                key("kind", "bucket"),
                List.of("unique: athlete_id, activity_id, kind, bucket",
                        "not_null: athlete_id, activity_id, kind, bucket, value, recorded_s, moving_s",
                        "accepted_values: kind in (heartrate, power, speed)",
                        "expression: recorded_s >= moving_s and moving_s >= 0"));
    }

    @Override
    void rows(ActivityRef ref, ActivityStats s, Consumer<Map<String, Object>> rows) {
        for (Histogram h : List.of(s.heartrateHistogram(), s.powerHistogram(), s.speedHistogram())) {
            for (int i = 0; i < h.size(); i++) {
                Map<String, Object> row = row(ref);
                row.put("kind", h.kind().key());
                row.put("bucket", (long) h.bucket(i));
                row.put("value", h.value(i));
                row.put("recorded_s", (long) h.recordedS(i));
                row.put("moving_s", (long) h.movingS(i));
                rows.accept(row);
            }
        }
    }
}
