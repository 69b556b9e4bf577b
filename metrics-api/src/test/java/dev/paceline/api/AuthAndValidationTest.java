package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static dev.paceline.api.support.Api.athleteOne;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.paceline.api.support.Fixture;
import dev.paceline.api.support.SnapshotLakeResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API keys, scoping, validation problems, no stack traces, CORS off. */
@QuarkusTest
@WithTestResource(SnapshotLakeResource.class)
class AuthAndValidationTest {

    @Test
    void noKeyIs401Problem() {
        given().get("/api/v1/athletes/1").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void wrongKeyOrSchemeIs401() {
        given().header("Authorization", "Bearer not-a-key").get("/api/v1/athletes/1").then().statusCode(401)
                .body("detail", containsString("not valid"));
        given().header("X-API-Key", Fixture.ADMIN_KEY + "x").get("/api/v1/athletes/1").then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/athletes/1").then().statusCode(401)
                .body("detail", containsString("Bearer"));
    }

    @Test
    void bearerHeaderAndLocalKeysAreAccepted() {
        given().header("Authorization", "Bearer " + Fixture.ADMIN_KEY).get("/api/v1/athletes/2").then().statusCode(200)
                .body("name", equalTo("Bob Builder"));
        given().header("authorization", "bearer " + Fixture.ADMIN_KEY).get("/api/v1/athletes/2").then().statusCode(200);
        given().header("X-API-Key", Fixture.ADMIN_KEY).get("/api/v1/builds/current").then().statusCode(200);
        given().header("X-API-Key", Fixture.LOCAL_KEY).get("/api/v1/athletes/3").then().statusCode(200)
                .body("name", equalTo("Cy Clist"));
    }

    @Test
    void athleteKeyReadsOnlyItsAthleteAndOthersLookUnknown() {
        athleteOne().get("/api/v1/athletes/1/fitness").then().statusCode(200);
        String scoped = athleteOne().get("/api/v1/athletes/2").then().statusCode(404)
                .contentType("application/problem+json").extract().path("detail");
        String unknown = admin().get("/api/v1/athletes/999").then().statusCode(404).extract().path("detail");
        assertThat(scoped).isEqualTo(unknown.replace("999", "2"));
        athleteOne().get("/api/v1/athletes/2/zone-times").then().statusCode(404);
        athleteOne().get("/api/v1/athletes/2/activities/201").then().statusCode(404);
    }

    @Test
    void unknownActivityIs404() {
        admin().get("/api/v1/athletes/1/activities/201").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("activity 201"));
    }

    @ParameterizedTest(name = "{0}?{1}={2} -> 400 {3}")
    @CsvSource({
        "fitness, from, 2026-13-01, from",
        "fitness, to, yesterday, to",
        "activities, limit, 0, limit",
        "activities, limit, 1001, limit",
        "activities, limit, ten, limit",
        "activities, sport, swim, sport",
        "activities, race, maybe, race",
        "activities, cursor, bm90LWEtY3Vyc29y, cursor",
        "zone-times, group, year, group",
        "zone-times, type, speed, type",
        "zones, date, 2026-02-30, date",
        "power-bests, durations, '15s,7s', durations",
        "power-curve, window, 30d, window",
        "run-bests, distances, '5k,3k', distances",
        "rolling, window, 30d, window",
        "rolling, sport, swim, sport",
        "weekly, weeks, 0, weeks",
        "weekly, metric, bogus_metric, metric",
        "fitness, format, xml, format",
        "fitness, from, 1899-12-31, from",
        "activities, to, 2201-01-01, to",
        "rolling, date, 0001-01-01, date",
        "zones, date, 9999-12-31, date"
    })
    void badParametersAre400ProblemsNamingTheParameter(String endpoint, String name, String value, String parameter) {
        String body = admin().queryParam(name, value).get("/api/v1/athletes/1/" + endpoint).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("title", equalTo("Bad parameter"))
                .body("detail", containsString(parameter))
                .extract().asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void datesOutsideTheYears1900To2200Are400NotEmptyAnswers() {
        admin().queryParam("from", "1899-12-31").get("/api/v1/athletes/1/fitness").then().statusCode(400)
                .body("parameter", equalTo("from"))
                .body("detail", equalTo("from: 1899-12-31 is outside 1900-01-01..2200-12-31; use a date in that range "
                        + "(or leave from out for an open end)"));
        admin().queryParam("from", "1900-01-01").queryParam("to", "2200-12-31").get("/api/v1/athletes/1/fitness").then()
                .statusCode(200).body("date", org.hamcrest.Matchers.hasSize(27));
    }

    @Test
    void fromAfterToAndDateWithRangeAre400() {
        admin().queryParams(Map.of("from", "2026-11-20", "to", "2026-11-01")).get("/api/v1/athletes/1/power-bests").then()
                .statusCode(400).body("parameter", equalTo("from")).body("detail", containsString("after"));
        admin().queryParams(Map.of("date", "2026-11-20", "from", "2026-11-01")).get("/api/v1/athletes/1/rolling").then()
                .statusCode(400).body("parameter", equalTo("date"));
        admin().get("/api/v1/athletes/abc").then().statusCode(400).body("parameter", equalTo("id"));
        admin().get("/api/v1/athletes/1/activities/xyz").then().statusCode(400).body("parameter", equalTo("activityId"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        admin().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        admin().post("/api/v1/athletes/1/fitness").then().statusCode(405).contentType("application/problem+json")
                .body("detail", containsString("read-only"));
    }

    @Test
    void healthAndOpenApiNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].data.build_id", equalTo(Fixture.BUILD_1));
        given().get("/q/openapi").then().statusCode(200);
        admin().get("/api/v1/athletes/1/fitness").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("paceline_api_cache_bytes"))
                .body(containsString("paceline_api_cache_loads_total"))
                .body(containsString("paceline_api_snapshot_poll_ok 1.0"));
    }

    @Test
    void corsIsOffByDefault() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/athletes").then()
                .header("Access-Control-Allow-Origin", nullValue());
        admin().header("Origin", "https://evil.example").get("/api/v1/athletes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", not(equalTo("https://evil.example")));
    }
}
