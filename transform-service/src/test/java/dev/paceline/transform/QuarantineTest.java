package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.service.TransformRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt or oversized raw object is quarantined with its reason; the rest loads; its next good version replaces it. */
class QuarantineTest {

    private static final long BOUND = 4096;

    @TempDir
    Path dir;

    private static String act(long id, String name) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"sport_type\":\"Run\",\"distance\":1000,"
                + "\"start_date_local\":\"2026-11-26T08:00:00Z\"}";
    }

    private static RunReport run(TransformRunner runner) {
        return runner.run(runner.newId(), new TransformRunner.Request("test", null, false, false), r -> { });
    }

    @Test
    void corruptAndOversizedObjectsAreQuarantinedWithTheirReasonAndTheNextGoodVersionReplacesThem() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            TransformRunner runner = new TransformRunner(h.lake, h.warehouse, h.graph, SqlDialect.of(h.warehouse.dialect()), List.of(),
                    Json.MAPPER, Clock.systemUTC(), new TransformRunner.Settings(3, Duration.ofMinutes(5), 1000, 1, "test",
                            Duration.ofDays(7), BOUND));
            h.fixture.putActivity(1, 10, act(10, "good"))
                    .putBytes("activity", 1, 12, LakeLayout.activity(1, 12), "{\"envelope_version\":1,\"kind\":\"activity\",\"athl"
                            .getBytes(StandardCharsets.UTF_8))
                    .putActivity(2, 13, act(13, "x".repeat((int) BOUND)))
                    .manifest();
            RunReport first = run(runner);
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");
            assertThat(first.objectsLoaded()).isEqualTo(1);
            assertThat(first.quarantined()).extracting(QuarantinedObject::path, QuarantinedObject::athleteId, QuarantinedObject::kind)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(LakeLayout.activity(1, 12), 1L, "activity"),
                            org.assertj.core.groups.Tuple.tuple(LakeLayout.activity(2, 13), 2L, "activity"));
            assertThat(first.quarantined()).filteredOn(q -> q.path().equals(LakeLayout.activity(1, 12))).singleElement()
                    .satisfies(q -> assertThat(q.reason()).startsWith("unreadable: ").contains("replaces it"));
            assertThat(first.quarantined()).filteredOn(q -> q.path().equals(LakeLayout.activity(2, 13))).singleElement()
                    .satisfies(q -> assertThat(q.reason()).startsWith("oversized: ").contains("more than the bound of 4096")
                            .contains("paceline.transform.max-raw-object-bytes"));
            assertThat(h.query("SELECT object_id FROM raw_strava__activities")).extracting(r -> r.get("object_id")).containsExactly(10L);
            assertThat(h.query("SELECT activity_id FROM activity_facts")).extracting(r -> r.get("activity_id")).containsExactly(10L);

            // Later loads are not blocked, and ingest's next version of object 12 replaces the quarantined one.
            h.fixture.putActivity(1, 11, act(11, "later")).putActivity(1, 12, act(12, "fixed")).manifest();
            RunReport second = run(runner);
            assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo("succeeded");
            assertThat(second.objectsLoaded()).isEqualTo(2);
            assertThat(second.quarantined()).extracting(QuarantinedObject::path).containsExactly(LakeLayout.activity(2, 13));
            assertThat(h.query("SELECT object_id FROM raw_strava__activities ORDER BY object_id")).extracting(r -> r.get("object_id"))
                    .containsExactly(10L, 11L, 12L);
            // Nothing was loaded twice.
            assertThat(h.count("raw_strava__activities")).isEqualTo(3);
        }
    }
}
