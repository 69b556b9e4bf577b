package dev.paceline.transform.stats;

import static dev.paceline.platform.warehouse.ColumnType.FLOAT64;
import static dev.paceline.platform.warehouse.ColumnType.INT64;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.ChannelSummary;
import dev.paceline.stats.Coverage;
import dev.paceline.stats.NormalizedPower;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code int_activity_stream_stats}: one row per activity with streams: coverage of the 1 Hz grid per channel,
 * channel averages and maxima, normalized power with the seconds it covers (so IF and TSS follow FTP changes in SQL)
 * and the heart-rate seconds with their average (so hrTSS follows max HR changes in SQL).
 */
@Singleton
public class ActivityStreamStatsModel extends StreamStatsModel {

    public static final String NAME = "int_activity_stream_stats";

    public ActivityStreamStatsModel(StreamStatsCache cache) {
        super(cache, NAME,
                "one row per activity with a time stream (athlete_id, activity_id): 1 Hz grid coverage, channel summaries, NP",
                schemaOf(Column.of("samples", INT64), Column.of("elapsed_s", INT64), Column.of("recorded_s", INT64),
                        Column.of("moving_s", INT64), Column.of("power_s", INT64), Column.of("power_moving_s", INT64),
                        Column.of("heartrate_s", INT64), Column.of("heartrate_moving_s", INT64),
                        Column.of("speed_s", INT64), Column.of("speed_moving_s", INT64),
                        Column.of("avg_power_w", FLOAT64), Column.of("max_power_w", FLOAT64),
                        Column.of("avg_hr_bpm", FLOAT64), Column.of("max_hr_bpm", FLOAT64),
                        Column.of("avg_speed_mps", FLOAT64), Column.of("max_speed_mps", FLOAT64),
                        Column.of("np_w", FLOAT64), Column.of("np_s", INT64)),
                key(),
                List.of("unique: athlete_id, activity_id", "not_null: athlete_id, activity_id, recorded_s, moving_s",
                        "expression: recorded_s >= moving_s", "expression: elapsed_s >= recorded_s",
                        "expression: max_power_w >= avg_power_w", "expression: max_hr_bpm >= avg_hr_bpm",
                        "expression: max_speed_mps >= avg_speed_mps"));
    }

    @Override
    void rows(ActivityRef ref, ActivityStats s, Consumer<Map<String, Object>> rows) {
        Coverage c = s.coverage();
        Map<String, Object> row = row(ref);
        row.put("samples", (long) c.samples());
        row.put("elapsed_s", (long) c.elapsedS());
        row.put("recorded_s", (long) c.recordedS());
        row.put("moving_s", (long) c.movingS());
        row.put("power_s", (long) c.powerS());
        row.put("power_moving_s", (long) c.powerMovingS());
        row.put("heartrate_s", (long) c.heartrateS());
        row.put("heartrate_moving_s", (long) c.heartrateMovingS());
        row.put("speed_s", (long) c.speedS());
        row.put("speed_moving_s", (long) c.speedMovingS());
        summary(row, "power_w", s.power());
        summary(row, "hr_bpm", s.heartrate());
        summary(row, "speed_mps", s.speed());
        NormalizedPower np = s.normalizedPower();
        row.put("np_w", np == null ? null : np.npW());
        row.put("np_s", np == null ? null : (long) np.seconds());
        rows.accept(row);
    }

    private static void summary(Map<String, Object> row, String suffix, ChannelSummary c) {
        row.put("avg_" + suffix, c == null ? null : c.avg());
        row.put("max_" + suffix, c == null ? null : c.max());
    }
}
