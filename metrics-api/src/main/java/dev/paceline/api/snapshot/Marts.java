package dev.paceline.api.snapshot;

import java.util.List;
import java.util.Map;

/** Mart names of docs/marts.md and the key each partition is sorted by after loading. */
public final class Marts {

    public static final String ATHLETE = "mart_athlete";
    public static final String ACTIVITIES = "mart_activities";
    public static final String ZONE_TIMES = "mart_zone_times";
    public static final String ZONE_PERIODS = "mart_zone_periods";
    public static final String POWER_BESTS = "mart_power_bests";
    public static final String POWER_CURVE = "mart_power_curve";
    public static final String RUN_BESTS = "mart_run_bests";
    public static final String FITNESS = "mart_fitness";
    public static final String ROLLING_90D = "mart_rolling_90d";
    public static final String WEEKLY = "mart_weekly";
    public static final String ZONE_DEFINITIONS = "mart_zone_definitions";

    private static final Map<String, List<String>> SORT_KEYS = Map.ofEntries(
            Map.entry(ATHLETE, List.of()),
            Map.entry(ACTIVITIES, List.of("start_date", "activity_id")),
            Map.entry(ZONE_TIMES, List.of("zone_type", "local_date", "activity_id", "zone")),
            Map.entry(ZONE_PERIODS, List.of("zone_type", "sport", "period", "period_start", "zone")),
            Map.entry(POWER_BESTS, List.of("duration_s", "local_date", "activity_id")),
            Map.entry(POWER_CURVE, List.of("window", "duration_s")),
            Map.entry(RUN_BESTS, List.of("distance_m", "local_date", "activity_id")),
            Map.entry(FITNESS, List.of("date")),
            Map.entry(ROLLING_90D, List.of("sport", "date")),
            Map.entry(WEEKLY, List.of("metric", "week_start")),
            Map.entry(ZONE_DEFINITIONS, List.of("zone_type", "valid_from", "zone")));

    private Marts() {
    }

    /** Sort key of a mart (empty for marts this API does not know). */
    public static List<String> sortKey(String mart) {
        return SORT_KEYS.getOrDefault(mart, List.of());
    }
}
