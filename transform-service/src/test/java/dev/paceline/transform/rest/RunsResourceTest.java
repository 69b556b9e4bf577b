package dev.paceline.transform.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paceline.platform.lake.FileLake;
import dev.paceline.transform.AdminKey;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.transform.LakeFixture;
import dev.paceline.transform.service.TransformService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = TempStorageResource.class, restrictToAnnotatedClass = true)
class RunsResourceTest {

    @Inject
    TransformService service;

    @Test
    void postRunBuildsEveryModelAndGetRunReportsModelsRowsAndTests() throws Exception {
        FileLake lake = new FileLake(TempStorageResource.lakeDir);
        new LakeFixture(lake).putAthlete(7, "{\"id\":7,\"sex\":\"F\"}")
                .putActivity(7, 70, LakeFixture.activity(70, "Lunch Run", "Run", false, "2026-11-25T12:00:00Z", 8000, 2400, 2500))
                .putStreams(7, 70, LakeFixture.streams(30, 0))
                .manifest();

        String id = AdminKey.given().contentType("application/json").body("{}")
                .when().post("/runs")
                .then().statusCode(202).body("status", equalTo("queued")).header("Location", containsString("/runs/"))
                .extract().path("id");
        service.awaitIdle();

        JsonPath run = given().when().get("/runs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(run.getString("status")).as(run.prettify()).isEqualTo("succeeded");
        assertThat(run.getInt("manifestsLoaded")).isEqualTo(1);
        assertThat(run.getLong("objectsLoaded")).as("raw streams stay in the lake: no model reads them").isEqualTo(2);
        List<Map<String, Object>> models = run.getList("models");
        assertThat(models).extracting(m -> m.get("model")).contains("stg_strava__activities", "int_activity_stream_stats", "zone_presets")
                .doesNotContain("stg_strava__streams");
        assertThat(models).filteredOn(m -> m.get("model").equals("int_activity_stream_stats"))
                .extracting(m -> ((Number) m.get("rows")).longValue()).containsExactly(1L);
        assertThat(models).allSatisfy(m -> assertThat(((Number) m.get("durationMs")).longValue()).isGreaterThanOrEqualTo(0));
        List<Map<String, Object>> tests = run.getList("tests");
        assertThat(tests).extracting(t -> t.get("name")).contains("stg_strava__activities.unique(athlete_id,activity_id)");
        assertThat(tests).allSatisfy(t -> assertThat(t.get("status")).isIn("pass", "warn"));
        assertThat(new String(lake.get(LakeLayout.SERVING_CURRENT).orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(run.getString("buildId"));

        given().when().get("/runs").then().statusCode(200).body("[0].id", equalTo(id));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'transform-storage' }.data.live_build", equalTo(run.getString("buildId")))
                .body("checks.find { it.name == 'transform-storage' }.data.warehouse", equalTo("duckdb"));
    }

    @Test
    void aBadSelectionIsAProblemNamingTheModels() {
        AdminKey.given().contentType("application/json").body("{\"selection\": \"stg_nope+\"}")
                .when().post("/runs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'stg_nope+' names no model")).body("detail", containsString("stg_strava__activities"));
    }

    @Test
    void anUnknownRunIs404() {
        given().when().get("/runs/nope").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Run not found"));
    }
}
