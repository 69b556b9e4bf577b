package dev.paceline.transform.proof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.transform.Harness;
import dev.paceline.transform.LakeFixture;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.engine.DeletionPurge;
import dev.paceline.transform.load.RawLoader;
import dev.paceline.transform.macro.BigQueryDialect;
import dev.paceline.transform.macro.SqlDialect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model compiles for BigQuery (GoogleSQL analyzer) and returns the same rows on BigQuery's reference engine as
 * on DuckDB, on small fixtures; a broken BigQuery macro fails the proof.
 */
class GoogleSqlProofTest {

    @TempDir
    Path dir;

    private static void fixture(Harness h) {
        h.fixture.putAthlete(26462176, "{\"id\":26462176,\"firstname\":\"A\",\"lastname\":\"B\",\"sex\":\"M\",\"weight\":70.5,"
                        + "\"ftp\":250,\"created_at\":\"2017-01-02T03:04:05Z\"}")
                .putZones(26462176, LakeFixture.ZONES)
                .putActivity(26462176, 1477353766L, LakeFixture.resource("detailed_activity_run.json"))
                .putActivity(26462176, 11, LakeFixture.activity(11, "Zwift - Watopia", "VirtualRide", false,
                        "2026-11-20T07:30:00Z", 30000, 3600, 3700))
                .putStreams(26462176, 11, LakeFixture.streams(40, 200))
                .putActivity(26462176, 12, LakeFixture.activity(12, "Treadmill intervals", "Run", false,
                        "2026-11-22T23:30:00Z", 8000, 2400, 2450))
                .putStreams(26462176, 12, LakeFixture.streams(25, 0))
                .putActivity(26462176, 13, LakeFixture.activity(13, "Deleted swim", "Swim", false,
                        "2026-11-23T06:00:00Z", 1000, 1200, 1300))
                .putAthlete(5, "{\"id\":5}")
                .putActivity(5, 50, LakeFixture.activity(50, "Gone", "Ride", false, "2026-11-01T07:30:00Z", 1000, 100, 100))
                .manifest();
        h.fixture.putDeletion(26462176, 13)
                .putActivity(26462176, 11, LakeFixture.activity(11, "Zwift - Watopia", "VirtualRide", true,
                        "2026-11-20T07:30:00Z", 30500, 3600, 3700))
                .putDeauthorization(5)
                .manifest();
    }

    private static Harness built(Path dir, String models) {
        // Every shipped model is proved, the opt-in ones included.
        Harness h = models.equals("models") ? Harness.withStreamSamples(dir) : new Harness(dir, models);
        fixture(h);
        RunReport report = h.run();
        assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo("succeeded");
        return h;
    }

    @Test
    void everyShippedModelCompilesForBigQueryAndMatchesDuckDbRowsAndABrokenMacroFailsTheProof() {
        try (Harness h = built(dir, "models")) {
            long sqlModels = h.graph.models().values().stream().filter(m -> m.template() != null).count();
            GoogleSqlProof.Result result = GoogleSqlProof.prove(h.graph, new BigQueryDialect(), h.warehouse);
            assertThat(result.failures()).isEmpty();
            assertThat((long) result.modelsAnalysed()).isEqualTo(sqlModels);
            assertThat((long) result.modelsCompared()).isEqualTo(sqlModels);
            assertThat(result.rowsCompared()).as("the fixture gives the models rows to compare").isGreaterThan(60);
            assertThat(h.count("stg_strava__streams")).isEqualTo(65);

            SqlDialect broken = new BigQueryDialect();
            // A DuckDB-ism in the BigQuery rendering: BigQuery has no json_extract_string.
            broken.macro("json_value", a -> "json_extract_string(" + a.sql(0, "json") + ", '" + a.sql(1, "path") + "')");
            GoogleSqlProof.Result failed = GoogleSqlProof.prove(h.graph, broken, h.warehouse);
            assertThat(failed.failures()).hasSize(1);
            assertThat(failed.failures().get(0)).contains("BigQuery rejects the model")
                    .containsIgnoringCase("function not found: json_extract_string");
        }
    }

    @Test
    void thePurgeStatementsCompileForBigQueryAndTheReferenceEngineForgetsWhatDuckDbForgot() {
        try (Harness h = built(dir, "models")) {
            GoogleSqlProof.PurgeResult result = GoogleSqlProof.provePurge(h.graph, new BigQueryDialect(), h.warehouse);
            assertThat(result.failures()).isEmpty();
            long tables = DeletionPurge.targets(h.graph, h.warehouse::describe, List.of(RawLoader.QUARANTINE)).size();
            assertThat(tables).as("raw, staging, intermediate, marts, Java stats tables").isGreaterThan(20);
            assertThat((long) result.statementsAnalysed()).isEqualTo(tables + 2);
            // The fixture deauthorized athlete 5 and deleted activity 13 of athlete 26462176.
            assertThat(result.forgotten()).extracting(r -> r.get(0), r -> r.get(1)).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(5L, null), org.assertj.core.groups.Tuple.tuple(26462176L, 13L));
            // And DuckDB's build forgot them in every table.
            assertThat(h.count("(SELECT * FROM raw_strava__activities WHERE athlete_id = 5 OR object_id = 13) AS gone")).isZero();
            assertThat(h.count("(SELECT * FROM raw_strava__deauthorizations WHERE athlete_id = 5) AS marker")).isEqualTo(1);

            SqlDialect broken = new BigQueryDialect() {
                @Override
                public String deleteForgotten(String target, String forgotten, String activityColumn, String versionColumn) {
                    // DuckDB's USING form of DELETE: not GoogleSQL.
                    return "DELETE FROM " + target + " USING " + forgotten + " WHERE " + target + ".athlete_id = "
                            + forgotten + ".athlete_id";
                }
            };
            assertThat(GoogleSqlProof.provePurge(h.graph, broken, h.warehouse).failures()).hasSize((int) tables)
                    .allSatisfy(f -> assertThat(f).contains("BigQuery rejects the purge of"));
        }
    }

    @Test
    void theEngineTestDagIsProvenAndAMacroThatCompilesButComputesSomethingElseFailsTheRowComparison() {
        try (Harness h = built(dir, "test-models/dag")) {
            GoogleSqlProof.Result result = GoogleSqlProof.prove(h.graph, new BigQueryDialect(), h.warehouse);
            assertThat(result.failures()).isEmpty();
            assertThat(result.modelsCompared()).isEqualTo(3);

            SqlDialect broken = new BigQueryDialect();
            // Weeks starting on Sunday: valid BigQuery, wrong answer (METRICS.md: weeks start on Monday).
            broken.macro("week_start", a -> "DATE_TRUNC(" + a.sql(0, "date") + ", WEEK)");
            GoogleSqlProof.Result failed = GoogleSqlProof.prove(h.graph, broken, h.warehouse);
            assertThat(failed.failures()).isNotEmpty();
            assertThat(failed.failures().get(0)).contains("activity_facts.sql").contains("rows differ");
        }
    }
}
