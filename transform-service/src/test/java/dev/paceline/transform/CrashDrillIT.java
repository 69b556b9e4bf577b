package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.testing.process.QuarkusAppProcess;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.transform.engine.ModelCatalog;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.service.TransformRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash drills on the packaged transform-service: a job-mode process is paused at a named checkpoint (the test-only
 * system property {@value RunCheckpoint#PAUSE_PROPERTY}) and killed there with SIGKILL; the serving snapshot stays on
 * the previous build throughout, and a restarted process completes the run without loading anything twice.
 */
class CrashDrillIT {

    /** The drills crash inside the batched build of the opt-in per-sample model, so it is on. */
    private static final java.util.Set<String> STREAM_SAMPLES = java.util.Set.of("stg_strava__streams");

    private static final Duration LEASE_TTL = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private Path warehouseFile() {
        return dir.resolve("warehouse.duckdb");
    }

    private FileLake lake() {
        return new FileLake(dir.resolve("lake"));
    }

    /** Athlete 1 with two rides, built and published in this JVM (the build the API serves before the drill). */
    private String baseline(FileLake lake) {
        LakeFixture fixture = new LakeFixture(lake);
        fixture.putAthlete(1, "{\"id\":1,\"ftp\":250}").putZones(1, LakeFixture.ZONES);
        for (long a = 10; a < 12; a++) {
            fixture.putActivity(1, a, LakeFixture.activity(a, "Ride " + a, "Ride", false, "2026-11-2" + (a % 10) + "T07:30:00Z",
                    30000, 3600, 3700)).putStreams(1, a, LakeFixture.streams(60, 200));
        }
        fixture.manifest();
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(warehouseFile(), lake)) {
            List<JavaModel> java = Harness.shippedJavaModels();
            TransformRunner runner = new TransformRunner(lake, warehouse, ModelCatalog.load("models", getClass().getClassLoader(),
                    Optional.empty(), java, STREAM_SAMPLES), SqlDialect.of(warehouse.dialect()), java, Json.MAPPER, Clock.systemUTC(),
                    new TransformRunner.Settings(5, LEASE_TTL, 1000, 1, "baseline"));
            RunReport report = runner.run(runner.newId(), new TransformRunner.Request("test", null, false, false), r -> { });
            assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo("succeeded");
            return report.buildId();
        }
    }

    /** Three new rides of 600,000 s each: the incremental streams build exceeds its batch budget and runs in batches. */
    private static void newRides(FileLake lake) {
        LakeFixture fixture = new LakeFixture(lake).at(Instant.parse("2026-11-28T10:00:00Z"));
        for (long a = 30; a < 33; a++) {
            fixture.putActivity(1, a, LakeFixture.activity(a, "Long " + a, "Ride", false, "2026-11-2" + (a % 10) + "T07:30:00Z",
                    40000, 600_000, 600_000)).putStreams(1, a, LakeFixture.streams(50, 210));
        }
        fixture.manifest();
    }

    private QuarkusAppProcess.Builder job() {
        return QuarkusAppProcess.of("transform-service")
                .env("PACELINE_LAKE_URI", dir.resolve("lake").toString())
                .env("PACELINE_WAREHOUSE_URI", "duckdb:" + warehouseFile())
                .env("PACELINE_MODE", "job")
                .property("paceline.transform.lease-ttl", LEASE_TTL.toSeconds() + "s")
                .property("paceline.transform.poll-enabled", "false")
                .property("paceline.transform.enable-models", "stg_strava__streams");
    }

    /** The live build, after checking that its manifest and every partition it names are whole. */
    private static String servedIntact(FileLake lake) throws Exception {
        String build = new String(lake.get(LakeLayout.SERVING_CURRENT).orElseThrow(), StandardCharsets.UTF_8).strip();
        ServingManifest manifest = Json.read(lake.get(LakeLayout.buildManifest(build)).orElseThrow(), ServingManifest.class);
        for (ServingManifest.AthletePartitions athlete : manifest.athletes().values()) {
            for (ServingManifest.Partition p : athlete.partitions().values()) {
                byte[] bytes = lake.get(p.path()).orElseThrow(() -> new AssertionError("partition " + p.path() + " is missing"));
                assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).as(p.path())
                        .isEqualTo(p.sha256());
            }
        }
        return build;
    }

    private static void awaitLog(QuarkusAppProcess process, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.log().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("transform-service exited before '" + text + "':\n" + process.tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + process.tail());
            }
            Thread.sleep(100);
        }
    }

    /** Waits out the killed run's lease (nobody released it), as the restarted pod would find it. */
    private static void awaitLeaseExpiry(FileLake lake) throws InterruptedException {
        LakeLease lease = new LakeLease(lake, TransformRunner.LEASE_PATH, Json.MAPPER, Clock.systemUTC(), LEASE_TTL);
        Optional<LakeLease.Holder> holder = lease.holder();
        assertThat(holder).as("the killed run held the lease").isPresent();
        while (holder.get().liveAt(Instant.now())) {
            Thread.sleep(200);
        }
    }

    private void drill(String checkpoint) throws Exception {
        try (FileLake lake = lake()) {
            String before = baseline(lake);
            newRides(lake);
            try (QuarkusAppProcess paused = job().property(RunCheckpoint.PAUSE_PROPERTY, checkpoint).start()) {
                awaitLog(paused, "paused at checkpoint " + checkpoint, Duration.ofMinutes(1));
                assertThat(servedIntact(lake)).isEqualTo(before);
                paused.kill();
                assertThat(paused.isAlive()).isFalse();
            }
            assertThat(servedIntact(lake)).as("after the kill the previous build is still served").isEqualTo(before);

            awaitLeaseExpiry(lake);
            try (QuarkusAppProcess restarted = job().start()) {
                assertThat(restarted.waitForExit(Duration.ofMinutes(1))).as(restarted.tail()).isZero();
            }
            String after = servedIntact(lake);
            assertThat(after).isNotEqualTo(before);
            ServingManifest live = Json.read(lake.get(LakeLayout.buildManifest(after)).orElseThrow(), ServingManifest.class);
            assertThat(live.athletes().get("1").partitions().get("mart_activities").rows()).isEqualTo(5);

            try (DuckDbWarehouse warehouse = new DuckDbWarehouse(warehouseFile(), lake)) {
                // Nothing loaded twice: one row per fetched version, each manifest consumed once.
                Map<String, Object> raw = warehouse.query("SELECT COUNT(*) AS n, COUNT(DISTINCT object_id) AS objects "
                        + "FROM raw_strava__activities").get(0);
                assertThat(raw).containsEntry("n", 5L).containsEntry("objects", 5L);
                assertThat(warehouse.query("SELECT COUNT(*) AS n FROM raw_strava__streams").get(0)).containsEntry("n", 5L);
                Map<String, Object> manifests = warehouse.query("SELECT COUNT(*) AS n, COUNT(DISTINCT run_id) AS runs FROM "
                        + "_paceline_loaded_manifests").get(0);
                assertThat(manifests).containsEntry("n", 2L).containsEntry("runs", 2L);
                assertThat(warehouse.query("SELECT COUNT(DISTINCT activity_id) AS n FROM stg_strava__streams").get(0))
                        .containsEntry("n", 5L);
                assertThat(warehouse.query("SELECT COUNT(*) AS n FROM _paceline_pending_changes").get(0)).containsEntry("n", 0L);
            }
        }
    }

    @Test
    void aProcessKilledDuringTheLoadIsRestartedAndLoadsEveryObjectOnce() throws Exception {
        drill(RunCheckpoint.LOAD);
    }

    @Test
    void aProcessKilledBetweenBatchesOfABatchedModelIsRestartedAndCompletesTheBuild() throws Exception {
        drill(RunCheckpoint.BATCH);
    }

    @Test
    void aProcessKilledBetweenItsPartitionsAndServingCurrentNeverMovesCurrentAndTheRestartPublishes() throws Exception {
        drill(RunCheckpoint.PUBLISH);
    }
}
