package dev.paceline.transform.stats;

import static dev.paceline.platform.warehouse.ColumnType.FLOAT64;
import static dev.paceline.platform.warehouse.ColumnType.INT64;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.PowerBest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code int_activity_power_curve}: the mean-maximal power curve of each activity with a power stream, on the
 * log-spaced duration grid of {@code PowerBests.curveDurations} (which holds the nine standard power-best durations):
 * only qualifying windows (≥ 90 % of the seconds with power). Whether the activity counts (a ride with
 * {@code device_watts}) is decided downstream in SQL.
 */
@Singleton
public class ActivityPowerCurveModel extends StreamStatsModel {

    public static final String NAME = "int_activity_power_curve";

    public ActivityPowerCurveModel(StreamStatsCache cache) {
        super(cache, NAME,
                "one row per activity and curve duration with a qualifying window (athlete_id, activity_id, duration_s)",
                schemaOf(Column.of("duration_s", INT64), Column.of("watts", FLOAT64), Column.of("start_s", INT64),
                        Column.of("coverage", FLOAT64)),
                key("duration_s"),
                List.of("unique: athlete_id, activity_id, duration_s",
                        "not_null: athlete_id, activity_id, duration_s, watts, start_s, coverage",
                        "expression: coverage >= 0.9 and coverage <= 1",
                        "expression: duration_s >= 1 and start_s >= 0"));
    }

    @Override
    void rows(ActivityRef ref, ActivityStats s, Consumer<Map<String, Object>> rows) {
        for (PowerBest b : s.powerCurve()) {
            Map<String, Object> row = row(ref);
            row.put("duration_s", (long) b.durationS());
            row.put("watts", b.watts());
            row.put("start_s", (long) b.startS());
            row.put("coverage", b.coverage());
            rows.accept(row);
        }
    }
}
