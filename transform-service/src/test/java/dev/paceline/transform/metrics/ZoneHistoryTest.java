package dev.paceline.transform.metrics;

import static dev.paceline.transform.metrics.MetricsKit.activity;
import static dev.paceline.transform.metrics.MetricsKit.num;
import static dev.paceline.transform.metrics.MetricsKit.seconds;
import static dev.paceline.transform.metrics.MetricsKit.streams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.stats.Fitness;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zone histories and what follows them: a birthday that moves HR zones, an eFTP then a configured FTP test that
 * changes IF/TSS and power zones mid-window, 5 km races that move pace zones, a step profile and a gap that breaks
 * the 90 % rule, the activity-type rules, the 90-day view and the weekly view.
 */
class ZoneHistoryTest {

    @TempDir
    Path dir;

    @Test
    void birthdayMovesHeartRateZones() {
        try (MetricsKit k = new MetricsKit(dir, "1,date_of_birth,1979-11-25,1979-11-25")) {
            k.fixture.putAthlete(1, "{\"id\":1,\"sex\":\"M\"}")
                    .putActivity(1, 10, activity(10, "Ride", "Ride", "2026-11-24T08:00:00Z", 10000, 1200, 1200, false, null))
                    .putStreams(1, 10, streams(seconds(1200), null, t -> 142, null, null))
                    .putActivity(1, 11, activity(11, "Ride", "Ride", "2026-11-26T08:00:00Z", 10000, 1200, 1200, false, null))
                    .putStreams(1, 11, streams(seconds(1200), null, t -> 142, null, null))
                    .manifest();
            k.run();
            // Age 46 -> max HR 182 (bounds 107/142/158/177); age 47 from 2026-11-25 -> 181 (107/141/157/176).
            List<Map<String, Object>> defs = k.query("SELECT valid_from, valid_to, threshold, source, lower FROM mart_zone_definitions "
                    + "WHERE zone_type = 'heartrate' AND zone = 3 ORDER BY valid_from");
            assertThat(defs).extracting(r -> r.get("valid_from"), r -> r.get("valid_to"), r -> r.get("threshold"), r -> r.get("lower"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24"), 182.0, 142.0),
                            org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-11-25"), null, 181.0, 141.0));
            assertThat(defs).extracting(r -> r.get("source")).containsOnly("age");
            assertThat(k.query("SELECT activity_id, zone FROM mart_zone_times WHERE zone_type = 'heartrate' AND seconds > 0 "
                    + "ORDER BY activity_id")).extracting(r -> r.get("zone")).containsExactly(2L, 3L);
            assertThat(k.query("SELECT activity_id FROM mart_zone_times WHERE zone_type = 'power'")).isEmpty();
            // No power: the load is hrTSS; 142 bpm is below the threshold (0.9 x max HR), so under 100 per hour.
            List<Map<String, Object>> acts = k.query("SELECT activity_id, load_source, hr_tss, tss FROM mart_activities ORDER BY activity_id");
            assertThat(acts).extracting(r -> r.get("load_source")).containsExactly("hr", "hr");
            assertThat(acts).allSatisfy(r -> assertThat(num(r.get("hr_tss"))).isBetween(1.0, 100.0 / 3));
            assertThat(acts.get(0).get("tss")).isNull();
            assertThat(k.one("SELECT max_hr_bpm, max_hr_source FROM mart_athlete")).containsEntry("max_hr_bpm", 181L)
                    .containsEntry("max_hr_source", "age");
        }
    }

    @Test
    void eftpThenConfiguredFtpTestChangeTssAndPowerZonesMidWindow() {
        try (MetricsKit k = new MetricsKit(dir, "2,ftp_w,2026-09-20,250", "2,power_zone_preset,2026-09-20,coggan7")) {
            k.fixture.putAthlete(2, "{\"id\":2}")
                    .putActivity(2, 20, activity(20, "Race day TT", "Ride", "2026-09-01T08:00:00Z", 20000, 1500, 1500, true, null))
                    .putStreams(2, 20, streams(seconds(1500), t -> 300, null, null, null))
                    .putActivity(2, 21, activity(21, "Endurance", "Ride", "2026-09-10T08:00:00Z", 20000, 1800, 1800, true, null))
                    .putStreams(2, 21, streams(seconds(1800), t -> 200, null, null, null))
                    .putActivity(2, 22, activity(22, "Endurance", "Ride", "2026-09-25T08:00:00Z", 20000, 1800, 1800, true, null))
                    .putStreams(2, 22, streams(seconds(1800), t -> 200, null, null, null))
                    .manifest();
            k.run();
            List<Map<String, Object>> acts = k.query("SELECT activity_id, activity_type, is_race, ftp_w, intensity_factor, tss "
                    + "FROM mart_activities ORDER BY activity_id");
            assertThat(acts.get(0)).containsEntry("activity_type", "race").containsEntry("is_race", true);
            assertThat(num(acts.get(0).get("ftp_w"))).isEqualTo(285.0); // round(0.95 x 300)
            assertThat(num(acts.get(1).get("ftp_w"))).isEqualTo(285.0);
            assertThat(num(acts.get(1).get("tss"))).isCloseTo(100 * 0.5 * Math.pow(200 / 285.0, 2), within(1e-9));
            assertThat(num(acts.get(2).get("ftp_w"))).isEqualTo(250.0);
            assertThat(num(acts.get(2).get("tss"))).isCloseTo(32.0, within(1e-9));

            // mart_fitness (unrolled sum in SQL) equals activity-stats' recursive Fitness.daily on every day.
            List<Map<String, Object>> days = k.query("SELECT date, load, ctl, atl, form FROM mart_fitness ORDER BY date");
            assertThat(days.get(0).get("date")).isEqualTo(LocalDate.parse("2026-09-01"));
            double[] loads = days.stream().mapToDouble(d -> num(d.get("load"))).toArray();
            List<Fitness.Day> expected = Fitness.daily(LocalDate.parse("2026-09-01"), loads);
            assertThat(days).hasSize(expected.size());
            for (int i = 0; i < days.size(); i++) {
                assertThat(num(days.get(i).get("ctl"))).as("ctl day %d", i).isCloseTo(expected.get(i).ctl(), within(1e-9));
                assertThat(num(days.get(i).get("atl"))).as("atl day %d", i).isCloseTo(expected.get(i).atl(), within(1e-9));
                assertThat(num(days.get(i).get("form"))).as("form day %d", i).isCloseTo(expected.get(i).form(), within(1e-9));
            }
            assertThat(loads[0] + loads[9] + loads[24]).isCloseTo(num(acts.get(0).get("tss")) + num(acts.get(1).get("tss"))
                    + num(acts.get(2).get("tss")), within(1e-9));

            List<Map<String, Object>> defs = k.query("SELECT valid_from, valid_to, threshold, source, preset, COUNT(*) AS zones "
                    + "FROM mart_zone_definitions WHERE zone_type = 'power' GROUP BY ALL ORDER BY valid_from");
            assertThat(defs).extracting(r -> r.get("valid_from"), r -> r.get("valid_to"), r -> r.get("threshold"), r -> r.get("source"),
                    r -> r.get("preset"), r -> r.get("zones")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-19"), 285.0, "eftp", "seed6", 6L),
                    org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-09-20"), null, 250.0, "ftp_test", "coggan7", 7L));
            // seed6 on 285: 0/171/217/257/299/339, so 300 W is zone 5 and 200 W zone 2; coggan7 on 250: 200 W is zone 3
            // (188 < 200 <= 225).
            assertThat(k.query("SELECT activity_id, zone, lower, upper FROM mart_zone_times WHERE zone_type = 'power' AND seconds > 0 "
                    + "ORDER BY activity_id")).extracting(r -> r.get("activity_id"), r -> r.get("zone"), r -> r.get("lower"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(20L, 5L, 299.0),
                            org.assertj.core.groups.Tuple.tuple(21L, 2L, 171.0),
                            org.assertj.core.groups.Tuple.tuple(22L, 3L, 188.0));

            // The 90-day view on 2026-09-25, rides: three rides, best 20 min 300 W, FTP in force 250.
            Map<String, Object> r = k.one("SELECT * FROM mart_rolling_90d WHERE date = DATE '2026-09-25' AND sport = 'ride'");
            assertThat(r).containsEntry("activity_count", 3L).containsEntry("active_days", 3L).containsEntry("moving_time_s", 5100L)
                    .containsEntry("power_best_1200_w", 300.0).containsEntry("eftp_w", 250.0).containsEntry("activity_count_prev", 0L);
            assertThat(r.get("power_best_1800_w")).isEqualTo(200.0);
            assertThat(r.get("power_best_3600_w")).isNull();
            assertThat(r.get("activity_count_change_pct")).isNull();
            assertThat(r).containsEntry("power_z2_s", 1800L).containsEntry("power_z3_s", 1800L).containsEntry("power_z5_s", 1500L);
            assertThat(num(r.get("power_z5_share"))).isCloseTo(1500.0 / 5100, within(1e-12));
            assertThat(r.get("hr_z1_s")).isNull();
            assertThat(num(r.get("avg_if"))).isCloseTo((300 / 285.0 + 200 / 285.0 + 0.8) / 3, within(1e-12));
            Map<String, Object> run = k.one("SELECT activity_count, distance_m, load FROM mart_rolling_90d "
                    + "WHERE date = DATE '2026-09-25' AND sport = 'run'");
            assertThat(run).containsEntry("activity_count", 0L).containsEntry("distance_m", 0.0).containsEntry("load", 0.0);
            // On 2026-09-10 the previous 90 days hold nothing: change is null, not infinite.
            Map<String, Object> early = k.one("SELECT activity_count, activity_count_prev, activity_count_change_pct, ctl, ctl_prev "
                    + "FROM mart_rolling_90d WHERE date = DATE '2026-09-10' AND sport = 'all'");
            assertThat(early).containsEntry("activity_count", 2L).containsEntry("activity_count_prev", 0L)
                    .containsEntry("ctl_prev", 0.0);
            assertThat(early.get("activity_count_change_pct")).isNull();
            assertThat(num(early.get("ctl"))).isEqualTo(num(k.one("SELECT ctl FROM mart_fitness WHERE date = DATE '2026-09-10'").get("ctl")));
        }
    }

    @Test
    void fiveKmRacesMovePaceZonesAndTypesFollowTheRules() {
        double v1 = 10000 / (1250 * Math.pow(2, 1.06));
        double v2 = 10000 / (1000 * Math.pow(2, 1.06));
        try (MetricsKit k = new MetricsKit(dir)) {
            k.fixture.putAthlete(3, "{\"id\":3}")
                    .putActivity(3, 30, activity(30, "Parkrun", "Run", "2026-10-03T09:00:00Z", 5000, 1250, 1250, false, 0))
                    .putStreams(3, 30, streams(seconds(1251), null, null, t -> 4, t -> 4.0 * t))
                    .putActivity(3, 31, activity(31, "Parkrun PB", "Run", "2026-10-13T09:00:00Z", 5000, 1000, 1000, false, 0))
                    .putStreams(3, 31, streams(seconds(1001), null, null, t -> 5, t -> 5.0 * t))
                    .putActivity(3, 32, activity(32, "Track 6x400", "Run", "2026-10-15T09:00:00Z", 6000, 1500, 1500, false, 0))
                    .putStreams(3, 32, streams(seconds(1501), null, null, t -> 4, t -> 4.0 * t))
                    .putActivity(3, 33, activity(33, "Sunday long run", "Run", "2026-10-18T09:00:00Z", 18000, 4500, 4500, false, 0))
                    .putActivity(3, 34, activity(34, "Easy jog", "Run", "2026-10-19T09:00:00Z", 6000, 2000, 2000, false, 0))
                    .manifest();
            k.run();
            assertThat(k.query("SELECT activity_id, activity_type, activity_subtype, is_race FROM mart_activities ORDER BY activity_id"))
                    .extracting(r -> r.get("activity_type") + "/" + r.get("activity_subtype") + "/" + r.get("is_race"))
                    .containsExactly("race/road/true", "race/road/true", "intervals/track/false", "long/null/false", "easy/null/false");

            List<Map<String, Object>> defs = k.query("SELECT valid_from, valid_to, threshold, source, lower, upper FROM mart_zone_definitions "
                    + "WHERE zone_type = 'pace' AND zone = 2 ORDER BY valid_from");
            assertThat(defs).hasSize(2);
            assertThat(defs.get(0)).containsEntry("valid_from", LocalDate.parse("2026-10-03")).containsEntry("valid_to",
                    LocalDate.parse("2026-10-12")).containsEntry("source", "race_5k");
            assertThat(num(defs.get(0).get("threshold"))).isCloseTo(v1, within(1e-9));
            assertThat(num(defs.get(1).get("threshold"))).isCloseTo(v2, within(1e-9));
            assertThat(num(defs.get(1).get("lower"))).isCloseTo(v2 / 1.29, within(1e-9));
            assertThat(num(defs.get(1).get("upper"))).isCloseTo(v2 / 1.14, within(1e-9));
            // Zone 6 for each race (pace about 96 % of its own threshold pace); 4 m/s is zone 2 under the second (120 %).
            assertThat(k.query("SELECT activity_id, zone, seconds FROM mart_zone_times WHERE zone_type = 'pace' AND seconds > 0 "
                    + "ORDER BY activity_id")).extracting(r -> r.get("activity_id") + ":" + r.get("zone") + ":" + r.get("seconds"))
                    .containsExactly("30:6:1251", "31:6:1001", "32:2:1501");
            List<Map<String, Object>> bests = k.query("SELECT activity_id, distance_name, time_s, start_s FROM mart_run_bests "
                    + "WHERE distance_name IN ('1k', '5k') ORDER BY activity_id, distance_m");
            assertThat(bests).extracting(r -> r.get("activity_id") + ":" + r.get("distance_name") + ":" + r.get("time_s"))
                    .containsExactly("30:1k:250.0", "30:5k:1250.0", "31:1k:200.0", "31:5k:1000.0", "32:1k:250.0", "32:5k:1250.0");
            assertThat(num(k.one("SELECT threshold_pace_mps FROM mart_athlete").get("threshold_pace_mps"))).isCloseTo(v2, within(1e-9));

            // Weekly: week of Monday 2026-10-12 has three runs (13, 15, 18 Oct) = 5000 + 6000 + 18000 m outdoors.
            Map<String, Object> w = k.one("SELECT value, rank_all, avg_6w FROM mart_weekly WHERE week_start = DATE '2026-10-12' "
                    + "AND metric = 'outdoor_distance_m'");
            assertThat(w).containsEntry("value", 29000.0).containsEntry("rank_all", 1L);
            assertThat(num(w.get("avg_6w"))).isCloseTo((5000 + 0 + 29000) / 3.0, within(1e-9));
            assertThat(k.one("SELECT value, rank_all FROM mart_weekly WHERE week_start = DATE '2026-10-19' AND metric = 'active_days'"))
                    .containsEntry("value", 1.0).containsEntry("rank_all", 2L);
            assertThat(k.one("SELECT value FROM mart_weekly WHERE week_start = DATE '2026-10-12' AND metric = 'longest_outdoor_day_m'"))
                    .containsEntry("value", 18000.0);
        }
    }

    @Test
    void stepProfileAndGapThatBreaksTheNinetyPercentRule() {
        int[] gapTimes = new int[3000];
        for (int i = 0; i < 3000; i++) {
            gapTimes[i] = i < 1800 ? i : i + 600;
        }
        try (MetricsKit k = new MetricsKit(dir, "4,ftp_w,2026-01-01,300")) {
            k.fixture.putAthlete(4, "{\"id\":4}")
                    .putActivity(4, 40, activity(40, "Steps", "Ride", "2026-11-02T08:00:00Z", 30000, 3600, 3600, true, null))
                    .putStreams(4, 40, streams(seconds(3600), t -> t < 1800 ? 100 : 300, null, null, null))
                    .putActivity(4, 41, activity(41, "Cafe stop", "Ride", "2026-11-03T08:00:00Z", 30000, 3000, 3600, true, null))
                    .putStreams(4, 41, streams(gapTimes, t -> 250, null, null, null))
                    .manifest();
            k.run();
            Map<Long, Map<String, Object>> step = new java.util.HashMap<>();
            k.query("SELECT * FROM mart_power_bests WHERE activity_id = 40").forEach(r -> step.put((Long) r.get("duration_s"), r));
            assertThat(step.get(1200L)).containsEntry("watts", 300.0).containsEntry("start_s", 1800L);
            assertThat(step.get(1800L)).containsEntry("watts", 300.0).containsEntry("start_s", 1800L);
            assertThat(step.get(3600L)).containsEntry("watts", 200.0).containsEntry("start_s", 0L);
            // 600 s without samples: the 60-min window has 3000 of 3600 s (83 %) and does not qualify.
            assertThat(k.query("SELECT duration_s FROM mart_power_bests WHERE activity_id = 41 ORDER BY duration_s"))
                    .extracting(r -> r.get("duration_s")).containsExactly(15L, 30L, 60L, 120L, 300L, 600L, 1200L, 1800L);
            Map<String, Object> gap = k.one("SELECT np_w, recorded_s, tss, coverage FROM mart_activities WHERE activity_id = 41");
            assertThat(gap).containsEntry("recorded_s", 3000L).containsEntry("coverage", 1.0);
            assertThat(num(gap.get("np_w"))).isCloseTo(250.0, within(1e-9));
            assertThat(num(gap.get("tss"))).isCloseTo(100 * 3000 / 3600.0 * Math.pow(250 / 300.0, 2), within(1e-9));
            // The all-time curve keeps the best of both rides per duration.
            assertThat(k.query("SELECT duration_s, watts, activity_id FROM mart_power_curve WHERE \"window\" = 'all' "
                    + "AND duration_s IN (1800, 3600) ORDER BY duration_s")).extracting(r -> r.get("watts") + "@" + r.get("activity_id"))
                    .containsExactly("300.0@40", "200.0@40");
        }
    }
}
