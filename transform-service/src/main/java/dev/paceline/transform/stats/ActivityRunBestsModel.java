package dev.paceline.transform.stats;

import static dev.paceline.platform.warehouse.ColumnType.FLOAT64;
import static dev.paceline.platform.warehouse.ColumnType.STRING;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.RunBest;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code int_activity_run_bests}: the shortest elapsed time over each standard distance the activity's distance
 * stream covers (time interpolated where the distance crosses the boundaries). Whether the activity counts (a run)
 * is decided downstream in SQL.
 */
@Singleton
public class ActivityRunBestsModel extends StreamStatsModel {

    public static final String NAME = "int_activity_run_bests";

    public ActivityRunBestsModel(StreamStatsCache cache) {
        super(cache, NAME,
                "one row per activity and standard distance it covers (athlete_id, activity_id, distance_name)",
                schemaOf(Column.of("distance_name", STRING), Column.of("distance_m", FLOAT64),
                        Column.of("time_s", FLOAT64), Column.of("start_s", FLOAT64), Column.of("end_s", FLOAT64)),
                key("distance_name"),
                List.of("unique: athlete_id, activity_id, distance_name",
                        "not_null: athlete_id, activity_id, distance_name, distance_m, time_s, start_s",
                        "accepted_values: distance_name in (400m, 1k, 1mile, 5k, 10k, half_marathon, marathon)",
                        "expression: time_s > 0 and end_s >= start_s"));
    }

    @Override
    void rows(ActivityRef ref, ActivityStats s, Consumer<Map<String, Object>> rows) {
        for (RunBest b : s.runBests()) {
            Map<String, Object> row = row(ref);
            row.put("distance_name", b.name());
            row.put("distance_m", b.distanceM());
            row.put("time_s", b.timeS());
            row.put("start_s", b.startS());
            row.put("end_s", b.endS());
            rows.accept(row);
        }
    }
}
