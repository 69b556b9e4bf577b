package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static dev.paceline.api.support.Api.athleteOne;
import static dev.paceline.api.support.Api.num;
import static dev.paceline.api.support.Api.nums;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.paceline.api.support.Fixture;
import dev.paceline.api.support.SnapshotLakeResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every endpoint answers the values of the fixture snapshot. */
@QuarkusTest
@WithTestResource(SnapshotLakeResource.class)
class EndpointValuesTest {

    private static final String A1 = "/api/v1/athletes/1";

    @Test
    void athletesListsWhatTheKeyMayRead() {
        admin().get("/api/v1/athletes").then().statusCode(200)
                .body("athlete_id", nums(1.0, 2.0, 3.0))
                .body("name", contains("Ada Lovelace", "Bob Builder", "Cy Clist"))
                .body("[0].activity_count", num(4.0))
                .body("[0].first_activity_date", equalTo("2026-11-02"));
        athleteOne().get("/api/v1/athletes").then().statusCode(200).body("athlete_id", nums(1.0));
    }

    @Test
    void athleteProfile() {
        admin().get(A1).then().statusCode(200)
                .body("athlete_id", num(1.0))
                .body("name", equalTo("Ada Lovelace"))
                .body("date_of_birth", equalTo("1990-11-15"))
                .body("ftp_w", num(250.0))
                .body("threshold_pace_mps", num(3.9))
                .body("power_zone_preset", equalTo("seed6"));
        admin().get("/api/v1/athletes/3").then().statusCode(200).body("sex", nullValue()).body("activity_count", num(0.0));
    }

    @Test
    void activitiesNewestFirstWithFilters() {
        admin().get(A1 + "/activities").then().statusCode(200)
                .body("activity_id", nums(104.0, 103.0, 102.0, 101.0))
                .body("[1].name", equalTo("Zwift race"))
                .body("[1].start_date", equalTo("2026-11-10T18:00:00Z"))
                .body("[1].start_date_local", equalTo("2026-11-10T19:00:00"))
                .body("[1].is_indoor", equalTo(true))
                .body("[1].np_w", num(260.0))
                .body("[2].np_w", nullValue())
                .body("[0].athlete_id", nullValue());
        admin().queryParam("sport", "ride").get(A1 + "/activities").then().body("activity_id", nums(103.0, 101.0));
        admin().queryParam("race", "true").get(A1 + "/activities").then().body("activity_id", nums(103.0, 102.0));
        admin().queryParam("race", "false").get(A1 + "/activities").then().body("activity_id", nums(104.0, 101.0));
        admin().queryParam("type", "race").queryParam("subtype", "virtual").get(A1 + "/activities").then()
                .body("activity_id", nums(103.0));
        admin().queryParam("from", "2026-11-05").queryParam("to", "2026-11-15").get(A1 + "/activities").then()
                .body("activity_id", nums(103.0, 102.0));
    }

    @Test
    void activitiesPageWithCursor() {
        Response first = admin().queryParam("limit", 2).get(A1 + "/activities");
        first.then().statusCode(200).body("activity_id", nums(104.0, 103.0))
                .header("Paceline-Next-Cursor", notNullValue());
        String cursor = first.header("Paceline-Next-Cursor");
        Response second = admin().queryParam("limit", 2).queryParam("cursor", cursor).get(A1 + "/activities");
        second.then().statusCode(200).body("activity_id", nums(102.0, 101.0));
        assertThat(second.header("Paceline-Next-Cursor")).isNull();
        admin().queryParam("limit", 3).queryParam("cursor", cursor).queryParam("sport", "run").get(A1 + "/activities")
                .then().body("activity_id", nums(102.0));
    }

    @Test
    void oneActivityWithZonesAndBests() {
        admin().get(A1 + "/activities/103").then().statusCode(200)
                .body("activity_id", num(103.0))
                .body("np_w", num(260.0))
                .body("intensity_factor", num(1.04))
                .body("tss", num(72.1))
                .body("zone_times", hasSize(11))
                .body("zone_times.findAll { it.zone_type == 'power' }.seconds", nums(100.0, 300.0, 600.0, 800.0, 500.0, 100.0))
                .body("zone_times.find { it.zone_type == 'heartrate' && it.zone == 5 }.upper", nullValue())
                .body("power_bests.duration_s", nums(15.0, 60.0, 300.0, 1200.0))
                .body("power_bests.watts", nums(520.0, 410.0, 300.0, 255.0))
                .body("run_bests", hasSize(0));
        admin().get(A1 + "/activities/102").then().statusCode(200)
                .body("name", equalTo("Parkrun, fast"))
                .body("run_bests.distance_name", contains("1k", "5k"))
                .body("run_bests.time_s", nums(221.0, 1180.0)) // whole seconds
                .body("power_bests", hasSize(0));
    }

    @Test
    void zonesInForceOnADate() {
        admin().queryParam("type", "heartrate").queryParam("date", "2026-11-10").get(A1 + "/zones").then().statusCode(200)
                .body("zone", nums(1.0, 2.0, 3.0, 4.0, 5.0))
                .body("threshold", nums(190.0, 190.0, 190.0, 190.0, 190.0))
                .body("[1].lower", num(112.0)).body("[1].upper", num(148.0))
                .body("[4].upper", nullValue())
                .body("[0].valid_to", equalTo("2026-11-14"));
        // the birthday moved the zones; the default date is the build's as-of date
        admin().queryParam("type", "heartrate").get(A1 + "/zones").then()
                .body("[0].threshold", num(189.0)).body("[2].upper", num(164.0)).body("[0].valid_to", nullValue());
        admin().queryParam("type", "pace").get(A1 + "/zones").then()
                .body("zone", hasSize(7))
                .body("[1].pace_from_s_per_km", num(331.1))
                .body("[1].pace_to_s_per_km", num(292.4))
                .body("[0].pace_from_s_per_km", nullValue())
                .body("[6].pace_to_s_per_km", nullValue());
        admin().get(A1 + "/zones").then().body("zone_type.unique()", contains("heartrate", "power", "pace"));
        admin().queryParam("type", "pace").queryParam("date", "2026-11-01").get(A1 + "/zones").then().body("", hasSize(0));
    }

    @Test
    void zoneTimesByActivityWeekMonth() {
        admin().get(A1 + "/zone-times").then().statusCode(200)
                .body("activity_id", nums(101.0, 102.0, 103.0, 104.0))
                .body("[0].date", equalTo("2026-11-02"))
                .body("[0].z2_s", num(1800.0)).body("[0].total_s", num(3600.0)).body("[0].coverage", num(0.98))
                .body("[3].sport", equalTo("run"));
        admin().queryParam("group", "week").get(A1 + "/zone-times").then().statusCode(200)
                .body("date", contains("2026-11-02", "2026-11-09", "2026-11-16"))
                .body("activities", nums(2.0, 1.0, 1.0))
                .body("z1_s", nums(600.0, 100.0, 1500.0))
                .body("z2_s", nums(1900.0, 500.0, 1000.0))
                .body("z5_s", nums(200.0, 300.0, 0.0))
                .body("total_s", nums(4800.0, 2400.0, 2700.0));
        admin().queryParam("group", "month").get(A1 + "/zone-times").then()
                .body("date", contains("2026-11-01")).body("[0].z1_s", num(2200.0)).body("[0].activities", num(4.0));
        admin().queryParam("group", "day").queryParam("sport", "run").get(A1 + "/zone-times").then()
                .body("date", contains("2026-11-07", "2026-11-20"));
        admin().queryParam("type", "power").queryParam("from", "2026-11-03").get(A1 + "/zone-times").then()
                .body("activity_id", nums(103.0)).body("[0].z6_s", num(100.0)).body("[0].z7_s", nullValue());
    }

    @Test
    void powerBestsInRange() {
        admin().queryParam("durations", "15s,1m,5m,20m").get(A1 + "/power-bests").then().statusCode(200)
                .body("duration_s", nums(15.0, 60.0, 300.0, 1200.0))
                .body("duration", contains("15s", "1m", "5m", "20m"))
                .body("watts", nums(520.0, 410.0, 300.0, 255.0))
                .body("activity_id", nums(103.0, 103.0, 103.0, 103.0))
                .body("[0].local_date", equalTo("2026-11-10"));
        admin().queryParam("durations", "15s,30s").queryParam("to", "2026-11-05").get(A1 + "/power-bests").then()
                .body("watts", nums(400.5, null)).body("activity_id", nums(101.0, null));
        admin().get(A1 + "/power-bests").then().body("duration", hasSize(9));
    }

    @Test
    void powerCurveByWindow() {
        admin().get(A1 + "/power-curve").then().statusCode(200)
                .body("duration_s", nums(15.0, 60.0, 300.0)).body("watts", nums(520.0, 410.0, 300.0))
                .body("[0].as_of_date", equalTo("2026-11-27"));
        admin().queryParam("window", "all").get(A1 + "/power-curve").then()
                .body("watts", nums(610.0, 410.0)).body("[0].activity_id", num(99.0));
        admin().queryParam("window", "365d").get(A1 + "/power-curve").then().statusCode(200)
                .body("watts", nums(540.0, 410.0)).body("local_date", contains("2026-03-01", "2026-11-10"));
    }

    @Test
    void runBestsInRange() {
        admin().queryParam("distances", "1k,5k").get(A1 + "/run-bests").then().statusCode(200)
                .body("distance", contains("1k", "5k"))
                .body("time_s", nums(221.0, 1180.0)) // 220.5 and 1180.2 s in the mart: whole seconds
                .body("pace_s_per_km", nums(220.5, 236.0)) // 236.04 s/km: 1 decimal
                .body("activity_id", nums(102.0, 102.0));
        admin().queryParam("distances", "5000,marathon").queryParam("from", "2026-11-10").get(A1 + "/run-bests").then()
                .body("time_s", nums(1400.0, null)).body("[0].activity_id", num(104.0));
    }

    @Test
    void rollingOneDayAndSeries() {
        admin().get(A1 + "/rolling").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].date", equalTo("2026-11-27")).body("[0].sport", equalTo("all"))
                .body("[0].activity_count", num(27.0)).body("[0].moving_time_s", num(97200.0))
                .body("[0].power_best_300_w", num(307.0)).body("[0].moving_time_s_change_pct", num(100.0));
        admin().queryParam("sport", "ride").queryParam("date", "2026-11-10").get(A1 + "/rolling").then()
                .body("[0].activity_count", num(10.0)).body("[0].distance_m", num(10005.0))
                .body("[0].power_best_300_w", num(290.0));
        admin().queryParam("sport", "other").get(A1 + "/rolling").then().body("[0].power_best_300_w", nullValue());
        admin().queryParam("from", "2026-11-01").queryParam("to", "2026-11-03").get(A1 + "/rolling").then()
                .body("date", contains("2026-11-01", "2026-11-02", "2026-11-03"))
                .body("hr_z1_s", nums(60.0, 120.0, 180.0));
        admin().queryParam("date", "2025-01-01").get(A1 + "/rolling").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void weeklyAndFitness() {
        admin().queryParam("metric", "outdoor_distance_m").queryParam("weeks", 2).get(A1 + "/weekly").then().statusCode(200)
                .body("week_start", contains("2026-11-16", "2026-11-23"))
                .body("value", nums(30000.0, 40000.0))
                .body("rank_6w", nums(2.0, 1.0));
        admin().get(A1 + "/weekly").then().body("", hasSize(5)).body("[4].value", num(18000.0));
        admin().queryParam("from", "2026-11-26").queryParam("to", "2026-11-27").get(A1 + "/fitness").then().statusCode(200)
                .body("date", contains("2026-11-26", "2026-11-27"))
                .body("load", nums(0.0, 50.0))
                .body("[1].ctl", num(42.7)).body("[1].atl", num(35.4));
        admin().get(A1 + "/fitness").then().body("", hasSize(27));
        admin().get("/api/v1/athletes/2/fitness").then().body("date", contains("2026-11-05"));
    }

    @Test
    void currentBuild() {
        admin().get("/api/v1/builds/current").then().statusCode(200)
                .header("ETag", "\"" + Fixture.BUILD_1 + "\"")
                .header("Paceline-As-Of", "2026-11-27T10:15:00Z")
                .body("build_id", equalTo(Fixture.BUILD_1))
                .body("schema_version", num(1.0))
                .body("as_of", equalTo("2026-11-27T10:15:00Z"))
                .body("last_ingest_run_id", equalTo("20261127T101500Z-ab12cd"))
                .body("athlete_count", num(3.0));
    }

    @Test
    void emptyMartsGiveEmptyArrays() {
        admin().get("/api/v1/athletes/3/activities").then().statusCode(200).body("", hasSize(0));
        admin().get("/api/v1/athletes/3/zone-times").then().statusCode(200).body("", hasSize(0));
        admin().get("/api/v1/athletes/3/power-bests").then().statusCode(200).body("watts.findAll { it != null }", hasSize(0));
    }

    @Test
    void openApiDocumentsEveryEndpointWithExamples() {
        String doc = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        var paths = dev.paceline.api.support.Api.json(doc).get("paths");
        for (String p : List.of("/api/v1/athletes", "/api/v1/athletes/{id}", "/api/v1/athletes/{id}/activities",
                "/api/v1/athletes/{id}/activities/{activityId}", "/api/v1/athletes/{id}/zones",
                "/api/v1/athletes/{id}/zone-times", "/api/v1/athletes/{id}/power-bests", "/api/v1/athletes/{id}/power-curve",
                "/api/v1/athletes/{id}/run-bests", "/api/v1/athletes/{id}/rolling", "/api/v1/athletes/{id}/weekly",
                "/api/v1/athletes/{id}/fitness", "/api/v1/builds/current")) {
            assertThat(paths.has(p)).as("OpenAPI path %s", p).isTrue();
            assertThat(paths.get(p).get("get").get("responses").get("200").get("content").get("application/json")
                    .get("examples")).as("example of %s", p).isNotNull();
        }
        assertThat(doc).contains("\"bearer\"").contains("X-API-Key");
        io.restassured.RestAssured.given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
