package dev.paceline.transform.metrics;

import static dev.paceline.transform.metrics.MetricsKit.activity;
import static dev.paceline.transform.metrics.MetricsKit.num;
import static dev.paceline.transform.metrics.MetricsKit.seconds;
import static dev.paceline.transform.metrics.MetricsKit.streams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paceline.transform.RunReport;
import dev.paceline.transform.TestResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strava's own best efforts beside Paceline's run bests (METRICS.md's cross-check), with its warn tests. */
class RunBestsCrossCheckTest {

    @TempDir
    Path dir;

    private static String effort(String name, int distance, int elapsed) {
        return "{\"name\":\"" + name + "\",\"distance\":" + distance + ",\"elapsed_time\":" + elapsed + ",\"moving_time\":" + elapsed
                + ",\"start_index\":0,\"end_index\":" + elapsed + "}";
    }

    @Test
    void comparesStravaBestEffortsWithPacelineRunBestsAndWarnsOnDisagreement() {
        try (MetricsKit k = new MetricsKit(dir)) {
            // 6 km at exactly 4 m/s, one sample a second: every best is distance / 4 s.
            String summary = activity(40, "Steady 6k", "Run", "2026-10-15T09:00:00Z", 6000, 1500, 1500, false, 0);
            String detailed = summary.substring(0, summary.length() - 1) + ",\"best_efforts\":["
                    + String.join(",", effort("400m", 400, 100), effort("1K", 1000, 251), effort("1 mile", 1609, 403),
                    effort("2 mile", 3219, 805), effort("5K", 5000, 1300), effort("10K", 10000, 2600)) + "]}";
            k.fixture.putActivity(3, 40, detailed).putStreams(3, 40, streams(seconds(1501), null, null, t -> 4, t -> 4.0 * t))
                    .putActivity(3, 41, activity(41, "No details", "Run", "2026-10-16T09:00:00Z", 6000, 1500, 1500, false, 0))
                    .putStreams(3, 41, streams(seconds(1501), null, null, t -> 4, t -> 4.0 * t))
                    .manifest();
            RunReport run = k.run();

            assertThat(k.query("SELECT name, elapsed_time_s FROM stg_strava__best_efforts ORDER BY effort_index"))
                    .extracting(r -> r.get("name") + ":" + r.get("elapsed_time_s"))
                    .containsExactly("400m:100", "1K:251", "1 mile:403", "2 mile:805", "5K:1300", "10K:2600");
            List<Map<String, Object>> rows = k.query("SELECT activity_id, distance_name, strava_time_s, paceline_time_s, difference_s, strava_distance_m, paceline_distance_m "
                    + "FROM int_run_bests_vs_strava ORDER BY strava_time_s");
            // "2 mile" is not one of Paceline's distances; activity 41 has no Strava best efforts (a summary payload).
            assertThat(rows).extracting(r -> r.get("activity_id") + ":" + r.get("distance_name") + ":" + r.get("strava_time_s"))
                    .containsExactly("40:400m:100", "40:1k:251", "40:1mile:403", "40:5k:1300", "40:10k:2600");
            assertThat(num(rows.get(0).get("difference_s"))).isCloseTo(0.0, within(1e-9));
            assertThat(num(rows.get(1).get("difference_s"))).isCloseTo(1.0, within(1e-9));
            assertThat(num(rows.get(2).get("paceline_time_s"))).isCloseTo(1609.344 / 4, within(1e-6));
            assertThat(num(rows.get(2).get("strava_distance_m"))).isEqualTo(1609.0);
            assertThat(num(rows.get(2).get("paceline_distance_m"))).isEqualTo(1609.344);
            assertThat(num(rows.get(3).get("difference_s"))).isCloseTo(50.0, within(1e-9));
            // The 10 km is longer than the activity: Paceline has no best, which the warn test reports.
            assertThat(rows.get(4).get("paceline_time_s")).isNull();

            assertThat(test(run, "int_run_bests_vs_strava.expression(abs(difference_s) <= greatest(5, 0.01 * strava_time_s))"))
                    .isEqualTo("warn 1");
            assertThat(test(run, "int_run_bests_vs_strava.expression(paceline_time_s is not null)")).isEqualTo("warn 1");
            assertThat(test(run, "int_run_bests_vs_strava.unique(athlete_id,activity_id,distance_name)")).isEqualTo("pass 0");
        }
    }

    private static String test(RunReport report, String name) {
        return report.tests().stream().filter(t -> t.name().equals(name)).map(t -> t.status() + " " + t.failures())
                .findFirst().orElseThrow(() -> new AssertionError("no test " + name + " in "
                        + report.tests().stream().map(TestResult::name).toList()));
    }
}
