package dev.paceline.transform.metrics;

import static dev.paceline.transform.metrics.MetricsKit.activity;
import static dev.paceline.transform.metrics.MetricsKit.num;
import static dev.paceline.transform.metrics.MetricsKit.seconds;
import static dev.paceline.transform.metrics.MetricsKit.streams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.stats.HeartRateLoad;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known answers on small synthetic streams, asserted through the built marts on DuckDB. */
class SyntheticMetricsTest {

    static final long A = 7;

    @TempDir
    Path dir;

    @Test
    void constantHourAt200WattsGivesEveryBestNpIfTssZonesAndFitness() {
        try (MetricsKit k = new MetricsKit(dir, "7,ftp_w,2026-01-01,250", "7,date_of_birth,1980-06-15,1980-06-15")) {
            k.fixture.putAthlete(A, "{\"id\":7,\"firstname\":\"Ada\",\"lastname\":\"Lap\",\"sex\":\"F\",\"weight\":61.5}")
                    .putActivity(A, 1, activity(1, "Morning Ride", "Ride", "2026-11-20T07:00:00Z", 28800, 3600, 3600, true, null))
                    .putStreams(A, 1, streams(seconds(3600), t -> 200, t -> 150, t -> 8, t -> 8.0 * t))
                    .manifest();
            k.run();

            List<Map<String, Object>> bests = k.query("SELECT duration_s, watts, start_s, coverage FROM mart_power_bests ORDER BY duration_s");
            assertThat(bests).extracting(r -> r.get("duration_s"))
                    .containsExactly(15L, 30L, 60L, 120L, 300L, 600L, 1200L, 1800L, 3600L);
            assertThat(bests).allSatisfy(r -> {
                assertThat(r.get("watts")).isEqualTo(200.0);
                assertThat(r.get("start_s")).isEqualTo(0L);
                assertThat(r.get("coverage")).isEqualTo(1.0);
            });

            Map<String, Object> a = k.one("SELECT * FROM mart_activities");
            assertThat(a).containsEntry("sport", "ride").containsEntry("activity_type", "endurance").containsEntry("is_race", false)
                    .containsEntry("has_power", true).containsEntry("has_hr", true).containsEntry("recorded_s", 3600L)
                    .containsEntry("local_date", LocalDate.parse("2026-11-20")).containsEntry("load_source", "power");
            assertThat(num(a.get("np_w"))).isCloseTo(200.0, within(1e-9));
            assertThat(num(a.get("ftp_w"))).isEqualTo(250.0);
            assertThat(num(a.get("intensity_factor"))).isCloseTo(0.8, within(1e-12));
            assertThat(num(a.get("tss"))).isCloseTo(100 * Math.pow(200.0 / 250, 2), within(1e-9));
            assertThat(num(a.get("load"))).isCloseTo(64.0, within(1e-9));
            assertThat(num(a.get("coverage"))).isEqualTo(1.0);
            // hrTSS in SQL equals activity-stats' HeartRateLoad: 60 min at 150 bpm, rest 60 (default), max HR 182 on the
            // day, threshold 0.9 x 182, female coefficients (profile sex F).
            assertThat(num(a.get("hr_tss"))).isCloseTo(HeartRateLoad.hrTss(60, 150, 60, 182, 0.9 * 182, true), within(1e-9));

            // Age 46 on 2026-11-20: max HR round(211 - 0.64 x 46) = 182; bounds 0/107/142/158/177; 150 bpm is zone 3.
            List<Map<String, Object>> hr = k.query("SELECT zone, lower, upper, seconds, coverage FROM mart_zone_times "
                    + "WHERE zone_type = 'heartrate' ORDER BY zone");
            assertThat(hr).extracting(r -> r.get("lower")).containsExactly(0.0, 107.0, 142.0, 158.0, 177.0);
            assertThat(hr).extracting(r -> r.get("seconds")).containsExactly(0L, 0L, 3600L, 0L, 0L);
            assertThat(hr.get(4).get("upper")).isNull();
            // seed6 on FTP 250: 0/150/190/225/263/298; 200 W is zone 3.
            List<Map<String, Object>> power = k.query("SELECT zone, lower, seconds FROM mart_zone_times "
                    + "WHERE zone_type = 'power' ORDER BY zone");
            assertThat(power).extracting(r -> r.get("lower")).containsExactly(0.0, 150.0, 190.0, 225.0, 263.0, 298.0);
            assertThat(power).extracting(r -> r.get("seconds")).containsExactly(0L, 0L, 3600L, 0L, 0L, 0L);
            assertThat(k.query("SELECT 1 FROM mart_zone_times WHERE zone_type = 'pace'")).isEmpty();

            Map<String, Object> day = k.one("SELECT load, ctl, atl, form FROM mart_fitness WHERE date = DATE '2026-11-20'");
            assertThat(num(day.get("ctl"))).isCloseTo(64 * (1 - Math.exp(-1 / 42.0)), within(1e-9));
            assertThat(num(day.get("atl"))).isCloseTo(64 * (1 - Math.exp(-1 / 7.0)), within(1e-9));
            assertThat(num(day.get("form"))).isEqualTo(0.0);
            Map<String, Object> next = k.one("SELECT load, ctl, atl, form FROM mart_fitness WHERE date = DATE '2026-11-21'");
            assertThat(num(next.get("load"))).isEqualTo(0.0);
            assertThat(num(next.get("ctl"))).isCloseTo(64 * (1 - Math.exp(-1 / 42.0)) * Math.exp(-1 / 42.0), within(1e-9));
            assertThat(num(next.get("form"))).isCloseTo(num(day.get("ctl")) - num(day.get("atl")), within(1e-9));

            Map<String, Object> athlete = k.one("SELECT * FROM mart_athlete");
            assertThat(athlete).containsEntry("name", "Ada Lap").containsEntry("sex", "F").containsEntry("ftp_w", 250L)
                    .containsEntry("ftp_source", "configured").containsEntry("max_hr_source", "age").containsEntry("activity_count", 1L)
                    .containsEntry("power_zone_preset", "seed6").containsEntry("date_of_birth", LocalDate.parse("1980-06-15"));
            assertThat(k.query("SELECT \"window\", watts FROM mart_power_curve WHERE duration_s = 3600 ORDER BY 1"))
                    .extracting(r -> r.get("watts")).containsExactly(200.0, 200.0, 200.0);
        }
    }
}
