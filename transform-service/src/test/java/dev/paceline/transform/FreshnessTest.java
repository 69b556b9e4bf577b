package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** METRICS.md's freshness check: a warn-severity result in every run, never blocking publication. */
class FreshnessTest {

    private static final String NAME = "raw.freshness(newest fetched_at within PT168H)";

    @TempDir
    Path dir;

    private static TestResult freshness(RunReport report) {
        return report.tests().stream().filter(t -> t.name().equals(NAME)).findFirst()
                .orElseThrow(() -> new AssertionError("no freshness result in " + report.tests()));
    }

    @Test
    void warnsWhenTheNewestRawObjectIsOlderThanTheBoundAndPassesOnceFreshDataArrives() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
            h.fixture.at(tenDaysAgo).putActivity(1, 10, "{\"id\":10,\"sport_type\":\"Run\",\"distance\":5000,"
                    + "\"start_date_local\":\"2026-11-16T08:00:00Z\"}").manifest();
            RunReport stale = h.run();
            assertThat(stale.status()).as("a warning never blocks publication").isEqualTo("succeeded");
            assertThat(stale.buildId()).isNotNull();
            TestResult warn = freshness(stale);
            assertThat(warn.severity()).isEqualTo("warn");
            assertThat(warn.status()).isEqualTo("warn");
            assertThat(warn.failures()).isEqualTo(1);
            assertThat(warn.message()).contains("more than PT168H ago").contains("paceline.transform.freshness-max-age")
                    .contains(tenDaysAgo.toString().substring(0, 16));

            h.fixture.at(Instant.now().minus(Duration.ofHours(1))).putActivity(1, 11, "{\"id\":11,\"sport_type\":\"Ride\","
                    + "\"distance\":30000,\"start_date_local\":\"2026-11-27T08:00:00Z\"}").manifest();
            TestResult pass = freshness(h.run());
            assertThat(pass.status()).isEqualTo("pass");
            assertThat(pass.failures()).isZero();
            assertThat(pass.message()).isNull();
        }
    }
}
