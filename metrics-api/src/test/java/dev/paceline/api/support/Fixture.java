package dev.paceline.api.support;

import dev.paceline.platform.security.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.HexFormat;

/**
 * The test snapshot: three athletes with hand-picked values (docs/marts.md schema), so tests can assert exact answers.
 * Athlete 1 has four activities in November 2026; athlete 2 one ride; athlete 3 only a profile.
 */
public final class Fixture {

    public static final String BUILD_1 = "20261127T102000Z-b1";
    public static final String BUILD_2 = "20261128T102000Z-b2";
    public static final String ADMIN_KEY = "admin-secret-key";
    public static final String ATHLETE_1_KEY = "key-for-athlete-one";
    public static final String LOCAL_KEY = "local-demo-key-of-at-least-24-chars";

    private Fixture() {
    }

    public static String hashedKeys() {
        return hex(ADMIN_KEY) + ":admin; " + hex(ATHLETE_1_KEY) + ":athletes=1";
    }

    public static String hex(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** Build 1; {@code extraRide} adds activity 105 (build 2 publishes it). */
    public static SnapshotWriter build(String buildId, boolean extraRide) {
        SnapshotWriter w = new SnapshotWriter(buildId).asOf(extraRide ? "2026-11-28T09:00:00Z" : "2026-11-27T10:15:00Z");
        w.mart("mart_athlete", "athlete_id:INT64", "firstname:STRING", "lastname:STRING", "name:STRING", "sex:STRING",
                "city:STRING", "country:STRING", "date_of_birth:DATE", "max_hr_bpm:INT64", "max_hr_source:STRING",
                "ftp_w:INT64", "ftp_source:STRING", "threshold_pace_mps:FLOAT64", "power_zone_preset:STRING",
                "activity_count:INT64", "first_activity_date:DATE", "last_activity_date:DATE");
        w.mart("mart_activities", "athlete_id:INT64", "activity_id:INT64", "name:STRING", "sport:STRING",
                "sport_type:STRING", "activity_type:STRING", "activity_subtype:STRING", "is_race:BOOL", "is_indoor:BOOL",
                "start_date:TIMESTAMP", "start_date_local:DATETIME", "local_date:DATE", "moving_time_s:INT64",
                "elapsed_time_s:INT64", "distance_m:FLOAT64", "avg_hr_bpm:FLOAT64", "np_w:FLOAT64",
                "intensity_factor:FLOAT64", "tss:FLOAT64", "hr_tss:FLOAT64", "load:FLOAT64", "has_power:BOOL");
        w.mart("mart_zone_times", "athlete_id:INT64", "activity_id:INT64", "local_date:DATE", "sport:STRING",
                "zone_type:STRING", "zone:INT64", "lower:FLOAT64", "upper:FLOAT64", "seconds:INT64", "coverage:FLOAT64");
        w.mart("mart_zone_periods", "athlete_id:INT64", "zone_type:STRING", "sport:STRING", "period:STRING",
                "period_start:DATE", "period_end:DATE", "zone:INT64", "zone_count:INT64", "seconds:INT64", "activities:INT64");
        w.mart("mart_power_bests", "athlete_id:INT64", "activity_id:INT64", "local_date:DATE", "sport:STRING",
                "duration_s:INT64", "watts:FLOAT64", "start_s:INT64", "coverage:FLOAT64");
        w.mart("mart_power_curve", "athlete_id:INT64", "window:STRING", "as_of_date:DATE", "duration_s:INT64",
                "watts:FLOAT64", "activity_id:INT64", "local_date:DATE", "start_s:INT64");
        w.mart("mart_run_bests", "athlete_id:INT64", "activity_id:INT64", "local_date:DATE", "distance_m:FLOAT64",
                "distance_name:STRING", "time_s:FLOAT64", "start_s:FLOAT64");
        w.mart("mart_fitness", "athlete_id:INT64", "date:DATE", "load:FLOAT64", "ctl:FLOAT64", "atl:FLOAT64", "form:FLOAT64");
        w.mart("mart_rolling_90d", "athlete_id:INT64", "date:DATE", "sport:STRING", "activity_count:INT64",
                "moving_time_s:INT64", "distance_m:FLOAT64", "hr_z1_s:INT64", "hr_z2_s:INT64", "power_best_300_w:FLOAT64",
                "ctl:FLOAT64", "activity_count_prev:INT64", "moving_time_s_prev:INT64", "moving_time_s_change_pct:FLOAT64");
        w.mart("mart_weekly", "athlete_id:INT64", "week_start:DATE", "metric:STRING", "value:FLOAT64", "avg_6w:FLOAT64",
                "avg_13w:FLOAT64", "avg_26w:FLOAT64", "avg_52w:FLOAT64", "rank_6w:INT64", "rank_13w:INT64",
                "rank_26w:INT64", "rank_52w:INT64", "rank_all:INT64");
        w.mart("mart_zone_definitions", "athlete_id:INT64", "zone_type:STRING", "valid_from:DATE", "valid_to:DATE",
                "zone:INT64", "lower:FLOAT64", "upper:FLOAT64", "threshold:FLOAT64", "source:STRING", "preset:STRING");

        // ---- athlete 1
        List<ZoneTime> times = new ArrayList<>();
        w.row(1, "mart_athlete", "Ada", "Lovelace", "Ada Lovelace", "F", "London", "UK", "1990-11-15", 189L, "age", 250L,
                "eftp", 3.9, "seed6", extraRide ? 5L : 4L, "2026-11-02", extraRide ? "2026-11-28" : "2026-11-20");
        w.row(1, "mart_activities", 101L, "Morning Ride", "ride", "Ride", "endurance", "road", false, false,
                "2026-11-02T07:00:00Z", "2026-11-02T08:00:00", "2026-11-02", 3600L, 3700L, 30000.0, 141.5, 220.0, 0.88,
                77.4, 70.1, 77.4, true);
        w.row(1, "mart_activities", 102L, "Parkrun, fast", "run", "Run", "race", "road", true, false,
                "2026-11-07T09:00:00Z", "2026-11-07T10:00:00", "2026-11-07", 1200L, 1210L, 5000.0, 171.0, null, null,
                null, 35.2, 35.2, false);
        w.row(1, "mart_activities", 103L, "Zwift race", "ride", "VirtualRide", "race", "virtual", true, true,
                "2026-11-10T18:00:00Z", "2026-11-10T19:00:00", "2026-11-10", 2400L, 2400L, 24000.0, 165.0, 260.0, 1.04,
                72.1, 60.0, 72.1, true);
        w.row(1, "mart_activities", 104L, "Easy run", "run", "Run", "easy", null, false, false,
                "2026-11-20T06:30:00Z", "2026-11-20T07:30:00", "2026-11-20", 2700L, 2800L, 8000.0, 140.0, null, null,
                null, 30.5, 30.5, false);
        if (extraRide) {
            w.row(1, "mart_activities", 105L, "Long ride", "ride", "Ride", "endurance", "road", false, false,
                    "2026-11-28T08:00:00Z", "2026-11-28T09:00:00", "2026-11-28", 10800L, 11500L, 95000.0, 135.0, 210.0,
                    0.84, 211.7, 190.0, 211.7, true);
        }
        zoneTimes(w, times, 1, 101, "2026-11-02", "ride", "heartrate", 0.98, 600, 1800, 900, 300, 0);
        zoneTimes(w, times, 1, 101, "2026-11-02", "ride", "power", 0.99, 900, 1500, 700, 400, 100, 0);
        zoneTimes(w, times, 1, 102, "2026-11-07", "run", "heartrate", 1.0, 0, 100, 300, 600, 200);
        zoneTimes(w, times, 1, 102, "2026-11-07", "run", "pace", 1.0, 0, 0, 60, 300, 600, 240, 0);
        zoneTimes(w, times, 1, 103, "2026-11-10", "ride", "heartrate", 0.95, 100, 500, 800, 700, 300);
        zoneTimes(w, times, 1, 103, "2026-11-10", "ride", "power", 1.0, 100, 300, 600, 800, 500, 100);
        zoneTimes(w, times, 1, 104, "2026-11-20", "run", "heartrate", 0.9, 1500, 1000, 200, 0, 0);
        if (extraRide) {
            zoneTimes(w, times, 1, 105, "2026-11-28", "ride", "heartrate", 1.0, 3000, 6000, 1500, 300, 0);
        }
        powerBests(w, 1, 101, "2026-11-02", new long[] {15, 60, 300, 1200}, new double[] {400.5, 330.0, 280.0, 240.0});
        powerBests(w, 1, 103, "2026-11-10", new long[] {15, 60, 300, 1200}, new double[] {520.0, 410.0, 300.0, 255.0});
        if (extraRide) {
            powerBests(w, 1, 105, "2026-11-28", new long[] {15, 60, 300, 1200}, new double[] {450.0, 350.0, 310.0, 260.0});
        }
        w.row(1, "mart_power_curve", "90d", "2026-11-27", 15L, 520.0, 103L, "2026-11-10", 120L);
        w.row(1, "mart_power_curve", "90d", "2026-11-27", 60L, 410.0, 103L, "2026-11-10", 100L);
        w.row(1, "mart_power_curve", "90d", "2026-11-27", 300L, 300.0, 103L, "2026-11-10", 60L);
        w.row(1, "mart_power_curve", "365d", "2026-11-27", 15L, 540.0, 88L, "2026-03-01", 10L);
        w.row(1, "mart_power_curve", "365d", "2026-11-27", 60L, 410.0, 103L, "2026-11-10", 100L);
        w.row(1, "mart_power_curve", "all", "2026-11-27", 15L, 610.0, 99L, "2025-06-01", 30L);
        w.row(1, "mart_power_curve", "all", "2026-11-27", 60L, 410.0, 103L, "2026-11-10", 100L);
        w.row(1, "mart_run_bests", 102L, "2026-11-07", 1000.0, "1k", 220.5, 40.0);
        w.row(1, "mart_run_bests", 102L, "2026-11-07", 5000.0, "5k", 1180.2, 3.5);
        w.row(1, "mart_run_bests", 104L, "2026-11-20", 1000.0, "1k", 250.0, 600.0);
        w.row(1, "mart_run_bests", 104L, "2026-11-20", 5000.0, "5k", 1400.0, 0.0);
        LocalDate last = LocalDate.parse(extraRide ? "2026-11-28" : "2026-11-27");
        for (LocalDate d = LocalDate.parse("2026-11-01"); !d.isAfter(last); d = d.plusDays(1)) {
            int i = d.getDayOfMonth();
            w.row(1, "mart_fitness", d.toString(), i % 3 == 0 ? 50.0 : 0.0, 40.0 + i / 10.0, 30.0 + i / 5.0, 10.0 - i / 10.0);
            for (String sport : new String[] {"all", "ride", "run", "other"}) {
                long count = sport.equals("other") ? 0 : i;
                w.row(1, "mart_rolling_90d", d.toString(), sport, count, 3600L * i, 1000.5 * i, 60L * i, 30L * i,
                        sport.equals("run") || sport.equals("other") ? null : 280.0 + i, 40.0 + i / 10.0, 2L, 1800L * i, 100.0);
            }
        }
        String[] weeks = {"2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"};
        for (int i = 0; i < weeks.length; i++) {
            w.row(1, "mart_weekly", weeks[i], "moving_time_s", 3600.0 * (i + 1), 3600.0 * i, 3000.0, 2000.0, 1000.0,
                    1L, 1L, 1L, 1L, 1L);
            w.row(1, "mart_weekly", weeks[i], "outdoor_distance_m", 10000.0 * i, 5000.0, 4000.0, 3000.0, 2000.0,
                    (long) (5 - i), 2L, 3L, 4L, 5L);
        }
        zoneDef(w, 1, "heartrate", "2020-01-01", "2026-11-14", 190, "age", "hr5", 0, 112, 148, 165, 184);
        zoneDef(w, 1, "heartrate", "2026-11-15", null, 189, "age", "hr5", 0, 112, 147, 164, 183);
        zoneDef(w, 1, "power", "2026-01-01", null, 250, "eftp", "seed6", 0, 150, 190, 225, 262, 297);
        zoneDef(w, 1, "pace", "2026-11-07", null, 3.9, "race_5k", "pace7", 0, 3.02, 3.42, 3.68, 3.86, 4.02, 4.33);

        zonePeriods(w, times);

        // ---- athlete 2: one ride
        w.row(2, "mart_athlete", "Bob", "Builder", "Bob Builder", "M", "@SUM(1+1)*cmd|' /C calc'!A0", null, null, 180L, "observed", 300L,
                "configured", null, "coggan7", 1L, "2026-11-05", "2026-11-05");
        w.row(2, "mart_activities", 201L, "=HYPERLINK(\"http://evil.example\",\"Commute\")", "ride", "Ride", "endurance", "road", false, false,
                "2026-11-05T07:00:00Z", "2026-11-05T08:00:00", "2026-11-05", 1800L, 2000L, 12000.0, null, null, null,
                null, null, null, false);
        w.row(2, "mart_fitness", "2026-11-05", 0.0, 0.0, 0.0, 0.0);
        // ---- athlete 3: profile only
        w.row(3, "mart_athlete", "Cy", "Clist", "Cy Clist", null, null, null, null, null, null, null, null, null, "seed6",
                0L, null, null);
        return w;
    }

    private static void zoneTimes(SnapshotWriter w, List<ZoneTime> times, long athlete, long activity, String date, String sport, String type,
            double coverage, long... seconds) {
        times.add(new ZoneTime(athlete, activity, LocalDate.parse(date), sport, type, seconds));
        for (int z = 0; z < seconds.length; z++) {
            w.row(athlete, "mart_zone_times", activity, date, sport, type, (long) z + 1, z * 10.0,
                    z == seconds.length - 1 ? null : (z + 1) * 10.0, seconds[z], coverage);
        }
    }

    /** One activity's seconds per zone of one type, as written into mart_zone_times. */
    private record ZoneTime(long athlete, long activity, LocalDate date, String sport, String type, long[] seconds) {
    }

    /**
     * mart_zone_periods from the zone times written above, as the warehouse sums them (transform-service's
     * ZonePeriodsTest proves the SQL): per type, sport and 'all', day / ISO week / month, every zone of the type.
     */
    private static void zonePeriods(SnapshotWriter w, List<ZoneTime> times) {
        Map<String, Integer> zoneCounts = new TreeMap<>();
        for (ZoneTime t : times) {
            zoneCounts.merge(t.athlete() + "|" + t.type(), t.seconds().length, Math::max);
        }
        // key: athlete|type|sport|period|start -> {end, seconds per zone..., activities}
        Map<String, long[]> sums = new TreeMap<>();
        for (ZoneTime t : times) {
            int zones = zoneCounts.get(t.athlete() + "|" + t.type());
            for (String sport : List.of(t.sport(), "all")) {
                for (String period : List.of("day", "week", "month")) {
                    LocalDate start = period.equals("day") ? t.date()
                            : period.equals("week") ? t.date().minusDays(t.date().getDayOfWeek().getValue() - 1)
                            : t.date().withDayOfMonth(1);
                    LocalDate end = period.equals("day") ? start : period.equals("week") ? start.plusDays(6)
                            : start.plusMonths(1).minusDays(1);
                    long[] v = sums.computeIfAbsent(t.athlete() + "|" + t.type() + "|" + sport + "|" + period + "|" + start,
                            k -> new long[zones + 2]);
                    v[0] = end.toEpochDay();
                    for (int z = 0; z < t.seconds().length; z++) {
                        v[1 + z] += t.seconds()[z];
                    }
                    v[zones + 1]++;
                }
            }
        }
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            String[] k = e.getKey().split("\\|");
            long[] v = e.getValue();
            int zones = v.length - 2;
            for (int z = 0; z < zones; z++) {
                w.row(Long.parseLong(k[0]), "mart_zone_periods", k[1], k[2], k[3], k[4],
                        LocalDate.ofEpochDay(v[0]).toString(), (long) z + 1, (long) zones, v[1 + z], v[zones + 1]);
            }
        }
    }

    private static void powerBests(SnapshotWriter w, long athlete, long activity, String date, long[] durations, double[] watts) {
        for (int i = 0; i < durations.length; i++) {
            w.row(athlete, "mart_power_bests", activity, date, "ride", durations[i], watts[i], 100L * i, 1.0);
        }
    }

    private static void zoneDef(SnapshotWriter w, long athlete, String type, String from, String to, double threshold,
            String source, String preset, double... lowers) {
        for (int z = 0; z < lowers.length; z++) {
            w.row(athlete, "mart_zone_definitions", type, from, to, (long) z + 1, lowers[z],
                    z == lowers.length - 1 ? null : lowers[z + 1], threshold, source, preset);
        }
    }
}
