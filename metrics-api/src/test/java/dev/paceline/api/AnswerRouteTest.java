package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static dev.paceline.api.support.Api.athleteOne;
import static dev.paceline.api.support.Api.nums;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.paceline.api.rest.AnswerCache;
import dev.paceline.api.support.Fixture;
import dev.paceline.api.support.SnapshotLakeResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A repeated request is served from the answer cache, with the same bytes, headers, key checks and 304s. */
@QuarkusTest
@WithTestResource(SnapshotLakeResource.class)
class AnswerRouteTest {

    private static final String ZONES_BY_WEEK = "/api/v1/athletes/1/zone-times?group=week&type=heartrate";

    @Inject
    AnswerCache cache;

    @Test
    void aRepeatedRequestIsACacheHitWithTheSameBytesAndHeaders() {
        String first = admin().get(ZONES_BY_WEEK).then().statusCode(200).extract().asString();
        long hits = cache.stats().hits();
        String again = admin().get(ZONES_BY_WEEK).then().statusCode(200)
                .contentType("application/json")
                .header("ETag", "\"" + Fixture.BUILD_1 + "\"")
                .header("Paceline-Build", Fixture.BUILD_1)
                .header("Paceline-As-Of", "2026-11-27T10:15:00Z")
                .header("Cache-Control", "private, no-cache")
                .body("total_s", nums(4800.0, 2400.0, 2700.0))
                .extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(cache.stats().hits()).isGreaterThan(hits);
        assertThat(cache.stats().bytes()).isPositive().isLessThanOrEqualTo(cache.stats().maxBytes());
        admin().header("If-None-Match", "\"" + Fixture.BUILD_1 + "\"").get(ZONES_BY_WEEK).then().statusCode(304);
    }

    @Test
    void csvIsAnotherVariantWithItsOwnEntityTag() {
        admin().get(ZONES_BY_WEEK).then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            String csv = admin().header("Accept", "text/csv").get(ZONES_BY_WEEK).then().statusCode(200)
                    .contentType("text/csv").header("ETag", "\"" + Fixture.BUILD_1 + "-csv\"").extract().asString();
            assertThat(csv).startsWith("date,activities,z1_s");
        }
        admin().header("Accept", "text/csv").header("If-None-Match", "\"" + Fixture.BUILD_1 + "\"").get(ZONES_BY_WEEK)
                .then().statusCode(200);
        admin().header("Accept", "text/csv").header("If-None-Match", "\"" + Fixture.BUILD_1 + "-csv\"").get(ZONES_BY_WEEK)
                .then().statusCode(304).header("ETag", "\"" + Fixture.BUILD_1 + "-csv\"");
    }

    @Test
    void aCachedAnswerStillNeedsAKeyThatMayReadTheAthlete() {
        String url = "/api/v1/athletes/2/fitness";
        admin().get(url).then().statusCode(200);
        admin().get(url).then().statusCode(200).body("date", org.hamcrest.Matchers.contains("2026-11-05"));
        given().get(url).then().statusCode(401).contentType("application/problem+json");
        given().header("X-API-Key", "not-a-key").get(url).then().statusCode(401);
        athleteOne().get(url).then().statusCode(404).body("detail", startsWith("athlete 2 not found"));
        given().header("X-API-Key", Fixture.LOCAL_KEY).get(url).then().statusCode(200).body("load", nums(0.0));
    }

    @Test
    void badParametersAreNeverCachedAnswers() {
        for (int i = 0; i < 2; i++) {
            admin().get("/api/v1/athletes/1/fitness?from=2026-13-01").then().statusCode(400)
                    .body("parameter", equalTo("from"));
        }
    }
}
