package dev.paceline.transform.metrics;

import static dev.paceline.transform.metrics.MetricsKit.activity;
import static dev.paceline.transform.metrics.MetricsKit.seconds;
import static dev.paceline.transform.metrics.MetricsKit.streams;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mart_zone_periods sums the zone seconds of days, ISO weeks and months per sport and for all sports. */
class ZonePeriodsTest {

    @TempDir
    Path dir;

    private static List<Object> row(Map<String, Object> r) {
        return List.of(r.get("period_start"), r.get("period_end"), r.get("seconds"), r.get("activities"), r.get("zone_count"));
    }

    @Test
    void weeksStartOnMondayMonthsOnTheFirstAndSportAllSumsEverySport() {
        // Age 47 from 2026-11-25: HR zones 107/141/157/176 (142 bpm is zone 3, 100 bpm zone 1).
        try (MetricsKit k = new MetricsKit(dir, "1,date_of_birth,1979-11-25,1979-11-25")) {
            k.fixture.putAthlete(1, "{\"id\":1,\"sex\":\"M\"}")
                    .putActivity(1, 10, activity(10, "Sunday ride", "Ride", "2026-11-29T08:00:00Z", 10000, 1200, 1200, false, null))
                    .putStreams(1, 10, streams(seconds(1200), null, t -> 142, null, null))
                    .putActivity(1, 11, activity(11, "Monday ride", "Ride", "2026-11-30T08:00:00Z", 5000, 600, 600, false, null))
                    .putStreams(1, 11, streams(seconds(600), null, t -> 142, null, null))
                    .putActivity(1, 12, activity(12, "Tuesday run", "Run", "2026-12-01T08:00:00Z", 2000, 900, 900, false, null))
                    .putStreams(1, 12, streams(seconds(900), null, t -> 100, null, null))
                    .manifest();
            k.run();
            String sql = "SELECT period_start, period_end, seconds, activities, zone_count FROM mart_zone_periods "
                    + "WHERE zone_type = 'heartrate' AND period = '%s' AND sport = '%s' AND zone = %d ORDER BY period_start";
            assertThat(k.query(sql.formatted("week", "all", 3))).extracting(ZonePeriodsTest::row).containsExactly(
                    List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"), 1200L, 1L, 5L),
                    List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), 600L, 2L, 5L));
            assertThat(k.query(sql.formatted("week", "all", 1))).extracting(ZonePeriodsTest::row).containsExactly(
                    List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"), 0L, 1L, 5L),
                    List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), 900L, 2L, 5L));
            assertThat(k.query(sql.formatted("week", "ride", 3))).extracting(ZonePeriodsTest::row).containsExactly(
                    List.of(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"), 1200L, 1L, 5L),
                    List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), 600L, 1L, 5L));
            assertThat(k.query(sql.formatted("week", "run", 1))).extracting(ZonePeriodsTest::row).containsExactly(
                    List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"), 900L, 1L, 5L));
            assertThat(k.query(sql.formatted("month", "all", 3))).extracting(ZonePeriodsTest::row).containsExactly(
                    List.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"), 1800L, 2L, 5L),
                    List.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"), 0L, 1L, 5L));
            assertThat(k.query(sql.formatted("day", "ride", 3))).extracting(ZonePeriodsTest::row).containsExactly(
                    List.of(LocalDate.parse("2026-11-29"), LocalDate.parse("2026-11-29"), 1200L, 1L, 5L),
                    List.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"), 600L, 1L, 5L));
            assertThat(k.query("SELECT DISTINCT sport FROM mart_zone_periods ORDER BY sport"))
                    .extracting(r -> r.get("sport")).containsExactly("all", "ride", "run");
            assertThat(k.query("SELECT 1 FROM mart_zone_periods WHERE zone_type <> 'heartrate'")).isEmpty();
        }
    }
}
