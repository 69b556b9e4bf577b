package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.json.Json;
import dev.paceline.platform.layout.LakeLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DAG with a seed, a view, an incremental model and a served table on DuckDB, across builds. */
class ModelDagBuildTest {

    @TempDir
    Path dir;

    private static String act(long id, String sport, double distance) {
        return "{\"id\":" + id + ",\"sport_type\":\"" + sport + "\",\"distance\":" + distance
                + ",\"start_date_local\":\"2026-11-26T08:00:00Z\"}";
    }

    @Test
    void viewsTablesAndIncrementalMergeAcrossBuildsWithTombstones() throws IOException {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            h.fixture.putActivity(1, 10, act(10, "Run", 10000)).putActivity(1, 11, act(11, "Ride", 40000))
                    .putActivity(2, 20, act(20, "Swim", 1500)).manifest();
            RunReport first = h.run();
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");
            assertThat(first.models()).extracting(ModelResult::model, ModelResult::materialization, ModelResult::mode, ModelResult::rows)
                    .containsExactly(
                            tuple("base_activities", "view", "full", -1L),
                            tuple("sport_labels", "seed", "full", 4L),
                            tuple("activity_facts", "incremental", "full", 3L),
                            tuple("fct_athlete_summary", "table", "full", 2L));
            assertThat(first.tests()).extracting(TestResult::name, TestResult::status).contains(
                    tuple("activity_facts.unique(athlete_id,activity_id)", "pass"),
                    tuple("activity_facts.relationships(sport_type -> sport_labels(sport_type))", "pass"),
                    tuple("fct_athlete_summary.expression(total_distance_m >= 0)", "pass"));
            assertThat(h.query("SELECT label, distance_km, week_start FROM activity_facts WHERE activity_id = 20").get(0))
                    .containsEntry("label", "swimming, pool").containsEntry("distance_km", 1.5)
                    .containsEntry("week_start", LocalDate.parse("2026-11-23"));

            // Build 2: activity 11 updated, 10 deleted, athlete 2 untouched.
            h.fixture.putActivity(1, 11, act(11, "Ride", 120000)).putDeletion(1, 10).manifest();
            RunReport second = h.run();
            assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo("succeeded");
            assertThat(second.models()).extracting(ModelResult::model, ModelResult::mode).contains(
                    tuple("activity_facts", "incremental"));
            assertThat(second.tests()).extracting(TestResult::name, TestResult::status)
                    .contains(tuple("activity_facts.expression(distance_m < 100000)", "warn"));
            assertThat(h.query("SELECT athlete_id, activity_id, distance_m FROM activity_facts ORDER BY activity_id"))
                    .containsExactly(
                            Map.of("athlete_id", 1L, "activity_id", 11L, "distance_m", 120000.0),
                            Map.of("athlete_id", 2L, "activity_id", 20L, "distance_m", 1500.0));
            assertThat(h.query("SELECT athlete_id, activities, total_distance_m FROM fct_athlete_summary ORDER BY athlete_id"))
                    .containsExactly(
                            Map.of("athlete_id", 1L, "activities", 1L, "total_distance_m", 120000.0),
                            Map.of("athlete_id", 2L, "activities", 1L, "total_distance_m", 1500.0));

            // Serving: build 2 re-exported athlete 1 only and reuses athlete 2's partition from build 1.
            ServingManifest live = Json.read(h.lake.get(LakeLayout.buildManifest(second.buildId())).orElseThrow(), ServingManifest.class);
            assertThat(new String(h.lake.get(LakeLayout.SERVING_CURRENT).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(second.buildId());
            assertThat(live.athletes().get("1").builtIn()).isEqualTo(second.buildId());
            assertThat(live.athletes().get("2").builtIn()).isEqualTo(first.buildId());
            assertThat(live.lastIngestRunId()).isNotNull();
            assertThat(live.marts().get("fct_athlete_summary")).extracting(ServingManifest.MartColumn::name)
                    .containsExactly("athlete_id", "activities", "total_distance_m", "last_day");
            ServingManifest.Partition p1 = live.athletes().get("1").partitions().get("fct_athlete_summary");
            assertThat(p1.rows()).isEqualTo(1);
            assertThat(gunzip(h.lake.get(p1.path()).orElseThrow())).contains("\"total_distance_m\":120000");

            // Selection: only the mart and what is downstream of it.
            RunReport selected = h.run("fct_athlete_summary+", false);
            assertThat(selected.models()).extracting(ModelResult::model).containsExactly("fct_athlete_summary");
            // Full refresh rebuilds the incremental model from scratch with the same result.
            RunReport full = h.run(null, true);
            assertThat(full.models()).extracting(ModelResult::model, ModelResult::mode).contains(tuple("activity_facts", "full"));
            assertThat(h.count("activity_facts")).isEqualTo(2);
        }
    }

    @Test
    void aSelectionRunBeforeTheFirstFullBuildPublishesNothing() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            h.fixture.putActivity(1, 10, act(10, "Run", 10000)).manifest();
            RunReport staging = h.run("+activity_facts", false);
            assertThat(staging.status()).as(String.valueOf(staging.error())).isEqualTo("succeeded");
            assertThat(staging.models()).extracting(ModelResult::model).containsExactly("base_activities", "sport_labels", "activity_facts");
            assertThat(staging.buildId()).isNull();
            assertThat(h.lake.stat(LakeLayout.SERVING_CURRENT)).isEmpty();
            // Changes stay pending until a run of every model: the full run still sees activity 10 as changed.
            assertThat(h.count("_paceline_pending_changes")).isEqualTo(1);
            RunReport full = h.run();
            assertThat(full.buildId()).isNotNull();
            assertThat(h.count("fct_athlete_summary")).isEqualTo(1);
            assertThat(h.count("_paceline_pending_changes")).isZero();
        }
    }

    @Test
    void aFailingErrorTestWhoseRowsBelongToNoAthleteBlocksPublicationAndTheLastGoodBuildStaysLive() {
        try (Harness h = new Harness(dir, "test-models/failing")) {
            h.fixture.putActivity(1, 10, act(10, "Run", 10000)).manifest();
            RunReport good = h.run();
            assertThat(good.status()).as(String.valueOf(good.error())).isEqualTo("succeeded");
            byte[] goodManifest = h.lake.get(LakeLayout.buildManifest(good.buildId())).orElseThrow();

            // 12 x 45 km: no activity reaches 50 km, but the all-athlete total passes 500 km.
            for (int i = 0; i < 12; i++) {
                h.fixture.putActivity(1 + i % 2, 20 + i, act(20 + i, "Ride", 45000));
            }
            h.fixture.manifest();
            RunReport bad = h.run();
            assertThat(bad.status()).isEqualTo("failed");
            assertThat(bad.buildId()).isNull();
            assertThat(bad.heldAthletes()).isEmpty();
            assertThat(bad.error()).contains("agg_sport_distances.expression(total_distance_m < 500000)").contains("1 failing rows")
                    .contains("belong to no single athlete").contains("nothing was published");
            assertThat(bad.tests()).extracting(TestResult::name, TestResult::status, TestResult::failures)
                    .contains(tuple("agg_sport_distances.expression(total_distance_m < 500000)", "fail", 1L),
                            tuple("fct_distances.expression(distance_m < 50000)", "pass", 0L));
            assertThat(new String(h.lake.get(LakeLayout.SERVING_CURRENT).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(good.buildId());
            assertThat(h.lake.listAll(LakeLayout.SERVING_BUILDS)).extracting(o -> o.path())
                    .allSatisfy(p -> assertThat(p).startsWith(LakeLayout.buildPrefix(good.buildId())));
            assertThat(h.lake.get(LakeLayout.buildManifest(good.buildId())).orElseThrow()).isEqualTo(goodManifest);
        }
    }

    @Test
    void anAthleteWhoseRowsFailATestIsHeldAtTheLastGoodBuildWhileEveryoneElseIsPublished() throws IOException {
        try (Harness h = new Harness(dir, "test-models/failing")) {
            h.fixture.putActivity(1, 10, act(10, "Run", 10000)).putActivity(2, 20, act(20, "Run", 12000)).manifest();
            RunReport first = h.run();
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");

            // Athlete 2 uploads a 160 km "run" (fails distance_m < 50000); athlete 1 a good ride.
            h.fixture.putActivity(1, 11, act(11, "Ride", 30000)).putActivity(2, 21, act(21, "Run", 160000)).manifest();
            RunReport second = h.run();
            assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo("succeeded");
            assertThat(second.buildId()).isNotNull();
            assertThat(second.heldAthletes()).containsExactly(
                    new HeldAthlete(2, List.of("fct_distances.expression(distance_m < 50000)")));
            assertThat(second.tests()).extracting(TestResult::name, TestResult::status, TestResult::failures)
                    .contains(tuple("fct_distances.expression(distance_m < 50000)", "fail", 1L));
            ServingManifest live = Json.read(h.lake.get(LakeLayout.buildManifest(second.buildId())).orElseThrow(), ServingManifest.class);
            assertThat(live.athletes().get("1").builtIn()).isEqualTo(second.buildId());
            assertThat(live.athletes().get("2").builtIn()).isEqualTo(first.buildId());
            assertThat(lines(h.lake.get(live.athletes().get("1").partitions().get("fct_distances").path()).orElseThrow())).hasSize(2);
            assertThat(lines(h.lake.get(live.athletes().get("2").partitions().get("fct_distances").path()).orElseThrow()))
                    .singleElement().asString().contains("\"activity_id\":20");
            // Athlete 2's changes stay pending for the next build; athlete 1's were consumed.
            assertThat(h.query("SELECT DISTINCT athlete_id FROM _paceline_pending_changes")).extracting(r -> r.get("athlete_id"))
                    .containsExactly(2L);

            // Until the rows are fixed athlete 2 stays at the last good build, build after build (fct_distances keeps
            // every version, so only a fixed model or a corrected source clears it).
            h.fixture.putActivity(1, 12, act(12, "Ride", 20000)).manifest();
            RunReport third = h.run();
            assertThat(third.status()).as(String.valueOf(third.error())).isEqualTo("succeeded");
            assertThat(third.heldAthletes()).extracting(HeldAthlete::athleteId).containsExactly(2L);
            ServingManifest later = Json.read(h.lake.get(LakeLayout.buildManifest(third.buildId())).orElseThrow(), ServingManifest.class);
            assertThat(later.athletes().get("1").builtIn()).isEqualTo(third.buildId());
            assertThat(later.athletes().get("2").builtIn()).isEqualTo(first.buildId());
            assertThat(h.lake.get(later.athletes().get("2").partitions().get("fct_distances").path())).isPresent();
        }
    }

    static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines(byte[] gz) throws IOException {
        return gunzip(gz).lines().filter(l -> !l.isBlank()).toList();
    }
}
