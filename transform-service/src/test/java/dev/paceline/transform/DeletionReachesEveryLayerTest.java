package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.json.Json;
import dev.paceline.platform.layout.LakeLayout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a deauthorization or an activity deletion and the next build, no warehouse table holds the athlete's or the
 * activity's rows (the tables are found in DuckDB's own catalog, not in the purge's list), the serving snapshot
 * forgets them, and an activity Strava serves again after its tombstone comes back.
 */
class DeletionReachesEveryLayerTest {

    private static final long KEPT = 1;
    private static final long LEAVING = 2;

    @TempDir
    Path dir;

    private static void athlete(Harness h, long athlete, long firstActivity) {
        h.fixture.putAthlete(athlete, "{\"id\":" + athlete + ",\"sex\":\"M\",\"weight\":70.0,\"ftp\":250}")
                .putZones(athlete, LakeFixture.ZONES);
        for (long a = firstActivity; a < firstActivity + 2; a++) {
            h.fixture.putActivity(athlete, a, LakeFixture.activity(a, "Ride " + a, "Ride", false, "2026-11-2" + (a % 10)
                    + "T07:30:00Z", 30000, 3600, 3700))
                    .putStreams(athlete, a, LakeFixture.streams(120, 200));
        }
    }

    /** Every warehouse table (not view) with an athlete_id column, from DuckDB's information_schema. */
    private static List<String> tablesWithAthletes(Harness h) {
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> row : h.query("SELECT c.table_name FROM information_schema.columns AS c "
                + "JOIN information_schema.tables AS t ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
                + "WHERE c.column_name = 'athlete_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name")) {
            tables.add((String) row.get("table_name"));
        }
        return tables;
    }

    private static long rowsOf(Harness h, String table, String where) {
        return h.count("(SELECT * FROM " + table + " WHERE " + where + ") AS rows_of");
    }

    @Test
    void aDeauthorizedAthleteLeavesNoRowInAnyTableButTheMarkerAndTheSnapshotAndOlderBuildsForgetThem() {
        try (Harness h = Harness.withStreamSamples(dir)) {
            athlete(h, KEPT, 10);
            athlete(h, LEAVING, 20);
            h.fixture.manifest();
            RunReport first = h.run();
            assertThat(first.status()).as(String.valueOf(first.error())).isEqualTo("succeeded");
            List<String> before = tablesWithAthletes(h).stream().filter(t -> rowsOf(h, t, "athlete_id = " + LEAVING) > 0).toList();
            // The check below is only as strong as the layers it covers: raw, staging, intermediate, marts, Java stats.
            assertThat(before).contains("raw_strava__activities", "raw_strava__streams", "raw_strava__athletes",
                    "raw_strava__zones", "stg_strava__activities", "mart_activities", "int_activity_stream_stats");
            assertThat(Json.read(h.lake.get(LakeLayout.buildManifest(first.buildId())).orElseThrow(), ServingManifest.class)
                    .athletes()).containsKeys("1", "2");

            h.fixture.putDeauthorization(LEAVING).manifest();
            RunReport second = h.run();
            assertThat(second.status()).as(String.valueOf(second.error())).isEqualTo("succeeded");

            for (String table : tablesWithAthletes(h)) {
                long left = rowsOf(h, table, "athlete_id = " + LEAVING);
                if (table.equals("raw_strava__deauthorizations")) {
                    assertThat(left).as(table).isEqualTo(1);
                } else if (!table.startsWith("_paceline_")) {
                    assertThat(left).as(table + " still holds rows of the deauthorized athlete").isZero();
                }
            }
            // Athlete 1 is untouched.
            assertThat(rowsOf(h, "mart_activities", "athlete_id = " + KEPT)).isEqualTo(2);
            assertThat(rowsOf(h, "raw_strava__streams", "athlete_id = " + KEPT)).isEqualTo(2);

            ServingManifest live = Json.read(h.lake.get(LakeLayout.buildManifest(second.buildId())).orElseThrow(), ServingManifest.class);
            assertThat(live.athletes()).containsOnlyKeys("1");
            // The first build is retained (keep-builds 3), but no longer holds the athlete's partitions.
            assertThat(h.lake.get(LakeLayout.buildManifest(first.buildId()))).isPresent();
            assertThat(h.lake.listAll(LakeLayout.buildPrefix(first.buildId()) + "athlete_id=" + LEAVING + "/")).isEmpty();
            assertThat(h.lake.listAll(LakeLayout.buildPrefix(first.buildId()) + "athlete_id=" + KEPT + "/")).isNotEmpty();
        }
    }

    @Test
    void aDeletedActivityLeavesEveryTableAndComesBackWhenStravaServesItAgain() {
        try (Harness h = Harness.withStreamSamples(dir)) {
            athlete(h, KEPT, 10);
            h.fixture.manifest();
            assertThat(h.run().status()).isEqualTo("succeeded");

            h.fixture.putDeletion(KEPT, 11).manifest();
            RunReport deleted = h.run();
            assertThat(deleted.status()).as(String.valueOf(deleted.error())).isEqualTo("succeeded");
            for (String table : tablesWithAthletes(h)) {
                if (table.startsWith("_paceline_") || table.equals("raw_strava__deletions")) {
                    continue;
                }
                List<String> columns = h.query("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "'")
                        .stream().map(r -> (String) r.get("column_name")).toList();
                String activity = columns.contains("activity_id") ? "activity_id"
                        : table.startsWith("raw_") && Set.of("raw_strava__activities", "raw_strava__streams").contains(table)
                                ? "object_id" : null;
                if (activity != null) {
                    assertThat(rowsOf(h, table, "athlete_id = 1 AND " + activity + " = 11")).as(table).isZero();
                }
            }
            assertThat(rowsOf(h, "raw_strava__deletions", "athlete_id = 1 AND object_id = 11")).isEqualTo(1);
            assertThat(rowsOf(h, "mart_activities", "athlete_id = 1")).isEqualTo(1);
            ServingManifest afterDelete = Json.read(h.lake.get(LakeLayout.buildManifest(deleted.buildId())).orElseThrow(),
                    ServingManifest.class);
            assertThat(afterDelete.athletes().get("1").partitions().get("mart_activities").rows()).isEqualTo(1);

            // Strava serves activity 11 again, fetched after the tombstone: it is live again in every layer.
            h.fixture.at(Instant.parse("2026-11-28T10:00:00Z"))
                    .putActivity(KEPT, 11, LakeFixture.activity(11, "Ride 11", "Ride", false, "2026-11-21T07:30:00Z", 31000, 3600, 3700))
                    .putStreams(KEPT, 11, LakeFixture.streams(90, 210))
                    .manifest();
            RunReport back = h.run();
            assertThat(back.status()).as(String.valueOf(back.error())).isEqualTo("succeeded");
            assertThat(h.query("SELECT activity_id, distance_m FROM mart_activities ORDER BY activity_id"))
                    .extracting(r -> r.get("activity_id")).containsExactly(10L, 11L);
            assertThat(rowsOf(h, "stg_strava__streams", "activity_id = 11")).isEqualTo(90);
            assertThat(rowsOf(h, "int_activity_stream_stats", "activity_id = 11")).isEqualTo(1);
            ServingManifest served = Json.read(h.lake.get(LakeLayout.buildManifest(back.buildId())).orElseThrow(), ServingManifest.class);
            assertThat(served.athletes().get("1").partitions().get("mart_activities").rows()).isEqualTo(2);
        }
    }
}
