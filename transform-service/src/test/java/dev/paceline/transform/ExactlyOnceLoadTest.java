package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.warehouse.Dialect;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.platform.warehouse.ExportResult;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.WarehouseException;
import dev.paceline.platform.warehouse.WriteMode;
import dev.paceline.transform.load.RawLoader;
import dev.paceline.transform.macro.SqlDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest manifests are consumed exactly once, whatever step a run crashes in. */
class ExactlyOnceLoadTest {

    @TempDir
    Path dir;

    /** A DuckDB warehouse that "crashes" (throws) on the first statement matching a predicate, once. */
    static final class CrashingWarehouse implements Warehouse {
        final DuckDbWarehouse delegate;
        Predicate<String> crashOn = s -> false;
        int loads;

        CrashingWarehouse(FileLake lake) {
            this.delegate = new DuckDbWarehouse(null, lake);
        }

        private void maybeCrash(String sql) {
            if (crashOn.test(sql)) {
                crashOn = s -> false;
                throw new WarehouseException("simulated crash at: " + sql.lines().findFirst().orElse(""));
            }
        }

        @Override
        public Dialect dialect() {
            return delegate.dialect();
        }

        @Override
        public long execute(String sql, Map<String, ?> params) {
            maybeCrash(sql);
            return delegate.execute(sql, params);
        }

        @Override
        public void executeAtomically(List<String> statements) {
            // A crash inside the unit: the delegate must roll back everything before it.
            List<String> wrapped = statements.stream().map(s -> {
                if (crashOn.test(s)) {
                    crashOn = x -> false;
                    return "SELECT CAST('simulated crash' AS INTEGER)";
                }
                return s;
            }).toList();
            delegate.executeAtomically(wrapped);
        }

        @Override
        public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
            return delegate.query(sql, params);
        }

        @Override
        public long load(String table, TableSchema schema, List<String> lakePaths, WriteMode mode) {
            loads++;
            return delegate.load(table, schema, lakePaths, mode);
        }

        @Override
        public dev.paceline.platform.warehouse.RowAppender appender(String table, TableSchema schema) {
            return delegate.appender(table, schema);
        }

        @Override
        public ExportResult export(String sql, Map<String, ?> params, String lakePrefix) {
            return delegate.export(sql, params, lakePrefix);
        }

        @Override
        public Optional<TableSchema> describe(String table) {
            return delegate.describe(table);
        }

        @Override
        public String qualify(String table) {
            return delegate.qualify(table);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static String act(long id, double distance) {
        return "{\"id\":" + id + ",\"sport_type\":\"Run\",\"distance\":" + distance + ",\"start_date_local\":\"2026-11-26T08:00:00Z\"}";
    }

    @Test
    void aCrashInsideTheLoadCommitReprocessesTheBatchWithoutDuplicates() {
        FileLake lake = new FileLake(dir.resolve("lake"));
        CrashingWarehouse wh = new CrashingWarehouse(lake);
        try (Harness h = new Harness(dir, "test-models/dag", wh, List.of())) {
            h.fixture.putActivity(1, 10, act(10, 1000)).putActivity(1, 11, act(11, 2000)).manifest();
            h.fixture.putActivity(1, 12, act(12, 3000)).manifest();
            // The last statement of the load unit records progress: crash right there.
            wh.crashOn = s -> s.contains("_paceline_loaded_manifests") && s.startsWith("INSERT");
            RunReport crashed = h.run();
            assertThat(crashed.status()).isEqualTo("failed");
            assertThat(crashed.error()).contains("simulated crash");
            assertThat(h.count("raw_strava__activities")).isZero();
            assertThat(h.count("_paceline_loaded_manifests")).isZero();
            assertThat(h.count("_paceline_pending_changes")).isZero();

            RunReport retried = h.run();
            assertThat(retried.status()).as(String.valueOf(retried.error())).isEqualTo("succeeded");
            assertThat(retried.manifestsLoaded()).isEqualTo(2);
            assertThat(h.count("raw_strava__activities")).isEqualTo(3);
            assertThat(h.count("activity_facts")).isEqualTo(3);

            RunReport again = h.run();
            assertThat(again.manifestsLoaded()).isZero();
            assertThat(h.count("raw_strava__activities")).isEqualTo(3);
            assertThat(h.query("SELECT run_id FROM _paceline_loaded_manifests ORDER BY run_id")).hasSize(2);
        }
    }

    @Test
    void aManifestLoadedInByteChunksLandsEveryObjectOnceEvenAfterACrash() {
        FileLake lake = new FileLake(dir.resolve("lake"));
        CrashingWarehouse wh = new CrashingWarehouse(lake);
        try (Harness h = new Harness(dir, "test-models/dag", wh, List.of())) {
            h.fixture.putActivity(1, 10, act(10, 1000)).putActivity(1, 11, act(11, 2000)).putActivity(2, 20, act(20, 3000)).manifest();
            // One byte a chunk: every object is its own load statement into the scratch table.
            RawLoader chunked = new RawLoader(lake, wh, SqlDialect.of(wh.dialect()), Json.MAPPER, 1000, 1);
            wh.crashOn = s -> s.contains("_paceline_loaded_manifests") && s.startsWith("INSERT");
            assertThatThrownBy(chunked::loadNew).hasMessageContaining("simulated crash");
            assertThat(h.count("raw_strava__activities")).isZero();

            int before = wh.loads;
            RawLoader.LoadResult loaded = chunked.loadNew();
            assertThat(wh.loads - before).as("one load statement per object").isEqualTo(3);
            assertThat(loaded.manifests()).hasSize(1);
            assertThat(loaded.objects()).isEqualTo(3);
            assertThat(h.query("SELECT object_id FROM raw_strava__activities ORDER BY object_id"))
                    .extracting(r -> r.get("object_id")).containsExactly(10L, 11L, 20L);
            assertThat(chunked.loadNew().manifests()).isEmpty();
        }
    }

    @Test
    void aCrashAfterTheLoadCommitKeepsTheChangesForTheNextBuild() {
        FileLake lake = new FileLake(dir.resolve("lake"));
        CrashingWarehouse wh = new CrashingWarehouse(lake);
        try (Harness h = new Harness(dir, "test-models/dag", wh, List.of())) {
            h.fixture.putActivity(1, 10, act(10, 1000)).manifest();
            assertThat(h.run().status()).isEqualTo("succeeded");

            // Loaded and committed, then the build of the incremental model crashes.
            h.fixture.putActivity(1, 10, act(10, 5000)).putActivity(1, 13, act(13, 700)).manifest();
            wh.crashOn = s -> s.contains("activity_facts__incr") && s.startsWith("CREATE");
            RunReport crashed = h.run();
            assertThat(crashed.status()).isEqualTo("failed");
            assertThat(crashed.manifestsLoaded()).isEqualTo(1);
            assertThat(crashed.buildId()).isNull();

            // The next run loads nothing new but still builds the pending changes.
            RunReport next = h.run();
            assertThat(next.status()).as(String.valueOf(next.error())).isEqualTo("succeeded");
            assertThat(next.manifestsLoaded()).isZero();
            assertThat(h.query("SELECT activity_id, distance_m FROM activity_facts ORDER BY activity_id"))
                    .containsExactly(Map.of("activity_id", 10L, "distance_m", 5000.0), Map.of("activity_id", 13L, "distance_m", 700.0));
            assertThat(h.count("raw_strava__activities")).isEqualTo(3);
            assertThat(h.count("_paceline_pending_changes")).isZero();
        }
    }
}
