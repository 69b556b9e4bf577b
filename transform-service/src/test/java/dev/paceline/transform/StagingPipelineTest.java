package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped staging models on DuckDB: load, full build, incremental MERGE with updates and tombstones. */
class StagingPipelineTest {

    @TempDir
    Path dir;

    @Test
    void buildsStagingFromRawEnvelopesThenMergesChangesAndTombstones() {
        try (Harness h = Harness.withStreamSamples(dir)) {
            String run = LakeFixture.resource("detailed_activity_run.json");
            h.fixture.putAthlete(26462176, "{\"id\":26462176,\"firstname\":\"A\",\"lastname\":\"B\",\"sex\":\"M\",\"weight\":70.5}")
                    .putZones(26462176, LakeFixture.ZONES)
                    .putActivity(26462176, 1477353766L, run)
                    .putActivity(26462176, 11, LakeFixture.activity(11, "Zwift - Watopia", "VirtualRide", false,
                            "2026-11-20T07:30:00Z", 30000, 3600, 3700))
                    .putStreams(26462176, 11, LakeFixture.streams(100, 200))
                    .putActivity(26462176, 12, LakeFixture.activity(12, "Morning Swim", "Swim", false,
                            "2026-11-21T23:30:00Z", 1500, 1800, 2000))
                    .putStreams(26462176, 12, LakeFixture.streams(50, 0))
                    .manifest();

            RunReport first = h.run();
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");
            assertThat(first.manifestsLoaded()).isEqualTo(1);
            assertThat(first.objectsLoaded()).isEqualTo(7);
            assertThat(first.tests()).allSatisfy(t -> assertThat(t.status()).as(t.name()).isIn("pass", "warn"));
            assertThat(first.models()).extracting(ModelResult::model, ModelResult::mode).contains(
                    org.assertj.core.groups.Tuple.tuple("stg_strava__activities", "full"),
                    org.assertj.core.groups.Tuple.tuple("stg_strava__streams", "full"),
                    org.assertj.core.groups.Tuple.tuple("stg_strava__athletes", "full"));

            List<Map<String, Object>> acts = h.query("SELECT activity_id, sport, is_indoor, local_date, start_local, distance_m, "
                    + "moving_time_s, sport_type FROM stg_strava__activities ORDER BY activity_id");
            assertThat(acts).hasSize(3);
            assertThat(acts.get(0)).containsEntry("activity_id", 11L).containsEntry("sport", "ride").containsEntry("is_indoor", true)
                    .containsEntry("local_date", LocalDate.parse("2026-11-20"));
            // start_date_local 23:30 "Z" stays on its wall-clock date: no time-zone conversion.
            assertThat(acts.get(1)).containsEntry("activity_id", 12L).containsEntry("sport", "other").containsEntry("is_indoor", false)
                    .containsEntry("local_date", LocalDate.parse("2026-11-21"));
            assertThat(acts.get(2)).containsEntry("activity_id", 1477353766L).containsEntry("sport", "run")
                    .containsEntry("local_date", LocalDate.parse("2018-03-28")).containsEntry("distance_m", 22539.6)
                    .containsEntry("moving_time_s", 7586L).containsEntry("sport_type", "Run");

            assertThat(h.count("stg_strava__streams")).isEqualTo(150);
            Map<String, Object> sample = h.query("SELECT t, watts, heartrate, moving, lat, lng, distance, sample_index "
                    + "FROM stg_strava__streams WHERE activity_id = 11 AND sample_index = 9").get(0);
            assertThat(sample).containsEntry("t", 9L).containsEntry("watts", 202.0).containsEntry("heartrate", 129.0)
                    .containsEntry("moving", false).containsEntry("distance", 76.5);
            assertThat((Double) sample.get("lat")).isCloseTo(48.85009, org.assertj.core.data.Offset.offset(1e-9));
            assertThat((Double) sample.get("lng")).isCloseTo(2.35018, org.assertj.core.data.Offset.offset(1e-9));

            long laps = h.count("stg_strava__laps");
            assertThat(laps).isEqualTo(h.query("SELECT 1 FROM stg_strava__laps WHERE activity_id = 1477353766").size()).isPositive();
            assertThat(h.query("SELECT zone_index, lower, upper FROM stg_strava__athlete_zones ORDER BY zone_index"))
                    .extracting(r -> r.get("upper")).containsExactly(111.0, 139.0, 152.0, 166.0, null);

            // Second ingest run: activity 11 re-fetched with new streams, 12 deleted.
            h.fixture.putStreams(26462176, 11, LakeFixture.streams(80, 300))
                    .putActivity(26462176, 11, LakeFixture.activity(11, "Zwift - Watopia", "VirtualRide", false,
                            "2026-11-20T07:30:00Z", 30000, 3600, 3700).replace("30000", "31000"))
                    .putDeletion(26462176, 12)
                    .manifest();
            RunReport second = h.run();
            assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo("succeeded");
            assertThat(second.models()).filteredOn(m -> m.model().equals("stg_strava__streams"))
                    .extracting(ModelResult::mode).containsExactly("incremental");
            assertThat(h.query("SELECT activity_id, COUNT(*) AS n, MIN(watts) AS w FROM stg_strava__streams GROUP BY activity_id"))
                    .containsExactly(Map.of("activity_id", 11L, "n", 80L, "w", 300.0));
            assertThat(h.query("SELECT activity_id FROM stg_strava__activities ORDER BY activity_id"))
                    .extracting(r -> r.get("activity_id")).containsExactly(11L, 1477353766L);
            assertThat(h.query("SELECT distance_m FROM stg_strava__activities WHERE activity_id = 11").get(0))
                    .containsEntry("distance_m", 31000.0);
            // Raw tables keep every fetched version of live activities; the deleted activity 12's payloads are purged.
            assertThat(h.count("raw_strava__streams")).isEqualTo(2);
            assertThat(h.count("raw_strava__activities")).isEqualTo(3);
            assertThat(h.count("(SELECT * FROM raw_strava__activities WHERE object_id = 12) AS deleted")).isZero();
            // Laps of untouched activities survive the incremental build.
            assertThat(h.count("stg_strava__laps")).isEqualTo(laps);

            // Nothing new: a run loads nothing and incremental models skip.
            RunReport third = h.run();
            assertThat(third.manifestsLoaded()).isZero();
            assertThat(third.models()).filteredOn(m -> m.model().equals("stg_strava__streams"))
                    .extracting(ModelResult::mode).containsExactly("skipped");
            assertThat(h.count("stg_strava__streams")).isEqualTo(80);
        }
    }

    @Test
    void byDefaultRawStreamsStayInTheLakeAndTheStatisticsStillReadThemOnce() {
        java.util.function.Supplier<DuckDbWarehouse> warehouse = () -> new DuckDbWarehouse(dir.resolve("wh.duckdb"),
                new FileLake(dir.resolve("lake")));
        try (Harness h = new Harness(dir, "models", warehouse.get(), Harness.shippedJavaModels())) {
            h.fixture.putAthlete(1, "{\"id\":1}")
                    .putActivity(1, 11, LakeFixture.activity(11, "Ride", "Ride", false, "2026-11-20T07:30:00Z", 30000, 3600, 3700))
                    .putStreams(1, 11, LakeFixture.streams(100, 200))
                    .manifest();
            RunReport first = h.run();
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");
            assertThat(first.objectsLoaded()).as("the athlete and the activity; not the streams").isEqualTo(2);
            assertThat(first.models()).extracting(ModelResult::model).doesNotContain("stg_strava__streams")
                    .contains("int_activity_stream_stats", "int_activity_histograms");
            assertThat(h.count("raw_strava__streams")).isZero();
            assertThat(h.query("SELECT samples, max_power_w FROM int_activity_stream_stats WHERE activity_id = 11"))
                    .containsExactly(Map.of("samples", 100L, "max_power_w", 206.0));
            assertThat(h.query("SELECT kind FROM _paceline_skipped_kinds")).extracting(r -> r.get("kind")).containsExactly("streams");
        }
        // Turning the per-sample model on later loads the streams every consumed manifest listed, then builds it.
        try (Harness h = new Harness(dir, "models", warehouse.get(), Harness.shippedJavaModels(), Set.of("stg_strava__streams"))) {
            RunReport enabled = h.run();
            assertThat(enabled.status()).as(String.valueOf(enabled.error())).isEqualTo("succeeded");
            assertThat(enabled.manifestsLoaded()).isZero();
            assertThat(enabled.objectsLoaded()).isEqualTo(1);
            assertThat(h.count("_paceline_skipped_kinds")).isZero();
            assertThat(h.count("raw_strava__streams")).isEqualTo(1);
            assertThat(h.count("stg_strava__streams")).isEqualTo(100);
        }
    }

    @Test
    void deauthorizedAthletesDisappearFromStaging() {
        try (Harness h = new Harness(dir, "models")) {
            h.fixture.putAthlete(1, "{\"id\":1}")
                    .putActivity(1, 100, LakeFixture.activity(100, "Run", "Run", false, "2026-11-20T07:30:00Z", 5000, 1500, 1500))
                    .putAthlete(2, "{\"id\":2}")
                    .putActivity(2, 200, LakeFixture.activity(200, "Ride", "Ride", false, "2026-11-20T07:30:00Z", 5000, 1500, 1500))
                    .manifest();
            assertThat(h.run().status()).isEqualTo("succeeded");
            h.fixture.putDeauthorization(2).manifest();
            assertThat(h.run().status()).isEqualTo("succeeded");
            assertThat(h.query("SELECT athlete_id FROM stg_strava__activities")).extracting(r -> r.get("athlete_id"))
                    .containsExactly(1L);
            assertThat(h.query("SELECT athlete_id FROM stg_strava__athletes")).extracting(r -> r.get("athlete_id"))
                    .containsExactly(1L);
        }
    }
}
