package dev.paceline.simulator.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RateLimitTest {

    String token;

    @BeforeEach
    void setUp() {
        Sim.reset();
        Sim.clock("2026-11-02T10:14:50Z");
        token = Sim.token();
        given().contentType(ContentType.JSON)
                .body("{\"read_15min\":3,\"read_daily\":7,\"overall_15min\":4,\"overall_daily\":20}")
                .when().put("/admin/rate-limits").then().statusCode(200).body("limits.read_15min", equalTo(3));
        given().when().delete("/admin/counters").then().statusCode(204);
    }

    private Response call() {
        return given().auth().oauth2(token).when().get("/api/v3/athlete");
    }

    @Test
    void everyAnswerCarriesBothLimitHeaderPairs() {
        Response r = call();
        r.then().statusCode(200);
        assertThat(r.header("X-RateLimit-Limit")).isEqualTo("4,20");
        assertThat(r.header("X-RateLimit-Usage")).isEqualTo("1,1");
        assertThat(r.header("X-ReadRateLimit-Limit")).isEqualTo("3,7");
        assertThat(r.header("X-ReadRateLimit-Usage")).isEqualTo("1,1");
        // a 404 counts and carries the headers too
        Response missing = given().auth().oauth2(token).when().get("/api/v3/activities/1");
        missing.then().statusCode(404);
        assertThat(missing.header("X-ReadRateLimit-Usage")).isEqualTo("2,2");
    }

    @Test
    void overTheLimitAnswers429WithStravasBodyAndRejectedCallsCount() {
        call().then().statusCode(200);
        call().then().statusCode(200);
        call().then().statusCode(200);
        Response rejected = call();
        rejected.then().statusCode(429).body("message", equalTo("Too Many Requests"))
                .body("errors", equalTo("Rate Limit Exceeded")).body("status", equalTo(429));
        assertThat(rejected.header("X-ReadRateLimit-Usage")).isEqualTo("4,4");
        assertThat(rejected.header("Retry-After")).isNull();
        call().then().statusCode(429);
        given().when().get("/admin/counters").then().body("too_many_requests", equalTo(2))
                .body("per_route.'GET /api/v3/athlete'", equalTo(5));
        given().when().get("/admin/rate-limits").then().body("rejected", equalTo(2))
                .body("usage.read_15min", equalTo(5));
    }

    @Test
    void theFifteenMinuteWindowRollsOverAtTheQuarterHourAndTheDayAtMidnightUtc() {
        call();
        call();
        call();
        call().then().statusCode(429);
        Sim.advance(9); // 10:14:59: same window
        call().then().statusCode(429);
        Sim.advance(1); // 10:15:00: new 15-minute window, same day
        Response r = call();
        r.then().statusCode(200);
        assertThat(r.header("X-ReadRateLimit-Usage")).isEqualTo("1,6");
        // a fresh window, but the daily read limit (7) runs out
        Sim.advance(900);
        call().then().statusCode(200).header("X-ReadRateLimit-Usage", "1,7");
        Response daily = call();
        daily.then().statusCode(429);
        assertThat(daily.header("X-ReadRateLimit-Usage")).isEqualTo("2,8");
        Sim.clock("2026-11-03T00:00:00Z");
        token = Sim.token(); // the old one expired: 6-hour tokens
        Response nextDay = call();
        nextDay.then().statusCode(200);
        assertThat(nextDay.header("X-RateLimit-Usage")).isEqualTo("1,1");
    }

    @Test
    void countersReportCallsPerRouteAndWindow() {
        call();
        given().auth().oauth2(token).when().get("/api/v3/activities/12345").then().statusCode(404);
        given().when().get("/admin/counters").then().statusCode(200)
                .body("per_route.'GET /api/v3/activities/{id}'", equalTo(1))
                .body("per_window.'2026-11-02T10:00:00Z'", equalTo(2));
    }
}
