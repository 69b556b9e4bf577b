package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.lake.FileLake;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental model with {@code batch_seconds=2} on DuckDB (an activity weighs its elapsed seconds + 1): full builds
 * run batch by batch and equal an
 * unbatched build, small changes MERGE, changes over the batch size rebuild, and a failed batch leaves the model as
 * it was with no work tables behind.
 */
class BatchedBuildTest {

    @TempDir
    Path dir;

    private static String act(long id, String points, String pairs) {
        return act(id, points, pairs, null);
    }

    private static String act(long id, String points, String pairs, Integer elapsed) {
        return "{\"id\":" + id + ",\"points\":{\"data\":" + points + "}" + (pairs == null ? "" : ",\"pairs\":{\"data\":" + pairs + "}")
                + (elapsed == null ? "" : ",\"elapsed_time\":" + elapsed) + "}";
    }

    @Test
    void buildsInBatchesMergesSmallChangesAndRebuildsLargeOnes() {
        ExactlyOnceLoadTest.CrashingWarehouse warehouse = new ExactlyOnceLoadTest.CrashingWarehouse(new FileLake(dir.resolve("lake")));
        AtomicInteger fullInserts = new AtomicInteger();
        warehouse.crashOn = sql -> {
            if (isBatchInsert(sql)) {
                fullInserts.incrementAndGet();
            }
            return false;
        };
        try (Harness h = new Harness(dir, "test-models/batched", warehouse, List.of())) {
            h.fixture.putActivity(1, 10, act(10, "[1, 2, 3]", "[[0, 0.5], [1, 1.5], [2, 2.5]]"))
                    .putActivity(1, 11, act(11, "[4, 5]", null))
                    .putActivity(2, 20, act(20, "[6]", "[[9, 9.5]]"))
                    .manifest();
            RunReport first = h.run();
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");
            assertThat(mode(first)).isEqualTo("full");
            // Weights 1, 1, 1 against a budget of 2: batches {10, 11} and {20}, one CREATE and one INSERT.
            assertThat(fullInserts.get()).isEqualTo(1);
            assertThat(points(h)).containsExactly(
                    List.of(1L, 10L, 0L, 1L, 0.5), List.of(1L, 10L, 1L, 2L, 1.5), List.of(1L, 10L, 2L, 3L, 2.5),
                    List.of(1L, 11L, 0L, 4L), List.of(1L, 11L, 1L, 5L),
                    List.of(2L, 20L, 0L, 6L, 9.5));
            assertThat(workTables(h)).isEmpty();

            // One changed activity (weight 1, within the budget): an incremental MERGE.
            h.fixture.putActivity(1, 11, act(11, "[7]", null)).manifest();
            RunReport second = h.run();
            assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo("succeeded");
            assertThat(mode(second)).isEqualTo("incremental");
            assertThat(points(h)).hasSize(5).contains(List.of(1L, 11L, 0L, 7L)).doesNotContain(List.of(1L, 11L, 1L, 5L));

            // A deletion alone is one MERGE (a deleted activity has nothing to expand).
            h.fixture.putDeletion(2, 20).manifest();
            RunReport deletion = h.run();
            assertThat(deletion.status()).as(String.valueOf(deletion.error())).isEqualTo("succeeded");
            assertThat(mode(deletion)).isEqualTo("incremental");
            assertThat(points(h)).hasSize(4).noneMatch(p -> p.get(1).equals(20L));

            // An hour-long activity changes (weight 3,601 over the budget of 2): rebuilt in batches, the long one alone.
            h.fixture.putActivity(1, 10, act(10, "[8]", "[[0, 0.25]]", 3600)).putActivity(1, 11, act(11, "[7]", "[[3, 3.5]]")).manifest();
            RunReport third = h.run();
            assertThat(third.status()).as(String.valueOf(third.error())).isEqualTo("succeeded");
            assertThat(mode(third)).isEqualTo("full");
            assertThat(fullInserts.get()).isEqualTo(2);
            assertThat(points(h)).containsExactly(List.of(1L, 10L, 0L, 8L, 0.25), List.of(1L, 11L, 0L, 7L, 3.5));

            // A batch fails part way through a rebuild: the model keeps its rows, no work table is left, and the next
            // run (the changes still pending) completes it.
            h.fixture.putActivity(1, 10, act(10, "[1]", null, 3600)).putActivity(1, 11, act(11, "[2]", null)).manifest();
            warehouse.crashOn = BatchedBuildTest::isBatchInsert;
            RunReport failed = h.run();
            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.error()).contains("activity_points").contains("simulated crash at: INSERT INTO");
            assertThat(points(h)).containsExactly(List.of(1L, 10L, 0L, 8L, 0.25), List.of(1L, 11L, 0L, 7L, 3.5));
            assertThat(workTables(h)).isEmpty();
            RunReport retried = h.run();
            assertThat(retried.status()).as(String.valueOf(retried.error())).isEqualTo("succeeded");
            assertThat(points(h)).containsExactly(List.of(1L, 10L, 0L, 1L), List.of(1L, 11L, 0L, 2L));

            // After an incremental build, the model's tests check the changed activities' rows; a full build all rows.
            h.fixture.putActivity(1, 11, act(11, "[500]", null)).manifest();
            assertThat(test(h.run(), "activity_points.expression(value < 100)")).isEqualTo("warn 1");
            h.fixture.putActivity(1, 10, act(10, "[3]", null)).manifest();
            RunReport scoped = h.run();
            assertThat(mode(scoped)).isEqualTo("incremental");
            assertThat(test(scoped, "activity_points.expression(value < 100)")).isEqualTo("pass 0");
            assertThat(test(scoped, "fct_points.unique(athlete_id)")).isEqualTo("pass 0");
            RunReport all = h.run(null, true);
            assertThat(mode(all)).isEqualTo("full");
            assertThat(test(all, "activity_points.expression(value < 100)")).isEqualTo("warn 1");
        }
    }

    private static String test(RunReport report, String name) {
        return report.tests().stream().filter(t -> t.name().equals(name)).map(t -> t.status() + " " + t.failures())
                .findFirst().orElseThrow(() -> new AssertionError("no test " + name + " in " + report.tests()));
    }

    private static boolean isBatchInsert(String sql) {
        return sql.startsWith("INSERT INTO") && sql.contains("__full");
    }

    private static String mode(RunReport report) {
        return report.models().stream().filter(m -> m.model().equals("activity_points")).findFirst().orElseThrow().mode();
    }

    private static List<List<Object>> points(Harness h) {
        return h.query("SELECT athlete_id, activity_id, point_index, value, second FROM activity_points "
                + "ORDER BY athlete_id, activity_id, point_index").stream()
                .map(r -> r.get("second") == null
                        ? List.<Object>of(r.get("athlete_id"), r.get("activity_id"), r.get("point_index"), r.get("value"))
                        : List.<Object>of(r.get("athlete_id"), r.get("activity_id"), r.get("point_index"), r.get("value"), r.get("second")))
                .toList();
    }

    private static List<Object> workTables(Harness h) {
        return h.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '%\\_\\_full' ESCAPE '\\' "
                + "OR table_name = '_paceline_build_batch'").stream().map(r -> r.get("table_name")).toList();
    }
}
