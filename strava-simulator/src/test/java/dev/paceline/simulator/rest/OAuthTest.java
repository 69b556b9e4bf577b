package dev.paceline.simulator.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OAuthTest {

    @BeforeEach
    void reset() {
        Sim.reset();
        Sim.clock("2026-11-02T10:00:00Z");
    }

    private static Response refresh(String refreshToken) {
        return given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .when().post("/oauth/token");
    }

    @Test
    void configuredRefreshTokenGivesSixHourTokenAndSameTokenWhileMoreThanAnHourRemains() {
        Response first = refresh("simulator-refresh-token");
        first.then().statusCode(200).body("token_type", equalTo("Bearer")).body("expires_in", equalTo(21600))
                .body("expires_at", equalTo((int) (Instant.parse("2026-11-02T10:00:00Z").getEpochSecond() + 21_600)));
        String access = first.path("access_token");
        String refreshToken = first.path("refresh_token");

        Sim.advance(4 * 3600 + 59 * 60); // 61 minutes left
        Response again = refresh(refreshToken);
        again.then().statusCode(200).body("access_token", equalTo(access)).body("refresh_token", equalTo(refreshToken))
                .body("expires_in", equalTo(3660));
    }

    @Test
    void withinTheLastHourANewTokenAndARotatedRefreshTokenAreIssuedAndTheOldRefreshTokenDies() {
        Response first = refresh("simulator-refresh-token");
        String access = first.path("access_token");
        String refreshToken = first.path("refresh_token");

        Sim.advance(5 * 3600 + 1); // 59:59 left
        Response rotated = refresh(refreshToken);
        rotated.then().statusCode(200).body("expires_in", equalTo(21600));
        assertThat((String) rotated.path("access_token")).isNotEqualTo(access);
        assertThat((String) rotated.path("refresh_token")).isNotEqualTo(refreshToken);

        refresh(refreshToken).then().statusCode(400)
                .body("message", equalTo("Bad Request"))
                .body("errors[0].resource", equalTo("RefreshToken"))
                .body("errors[0].field", equalTo("refresh_token"))
                .body("errors[0].code", equalTo("invalid"));
        // the old access token was replaced
        given().auth().oauth2(access).when().get("/api/v3/athlete").then().statusCode(401);
        given().auth().oauth2(rotated.path("access_token")).when().get("/api/v3/athlete").then().statusCode(200);
    }

    @Test
    void expiredTokenIsRefused() {
        String token = Sim.token();
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200);
        Sim.advance(6 * 3600);
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(401)
                .body("message", equalTo("Authorization Error"))
                .body("errors[0].field", equalTo("access_token"))
                .body("errors[0].code", equalTo("invalid"));
    }

    @Test
    void missingTokenIsRefusedWithoutRateLimitHeaders() {
        given().when().get("/api/v3/athlete/activities").then().statusCode(401)
                .header("X-RateLimit-Usage", (String) null)
                .body("errors[0].resource", equalTo("Athlete"));
    }

    @Test
    void authorizationCodeFlowRedirectsWithCodeAndScopeAndReturnsTheAthlete() {
        String location = given().redirects().follow(false).queryParam("client_id", Sim.CLIENT_ID)
                .queryParam("redirect_uri", "http://localhost:8080/callback?x=1").queryParam("response_type", "code")
                .queryParam("scope", "read,activity:read").queryParam("state", "abc")
                .when().get("/oauth/authorize").then().statusCode(302).extract().header("Location");
        assertThat(location).startsWith("http://localhost:8080/callback?");
        Map<String, String> q = Sim.query(location);
        assertThat(q).containsEntry("state", "abc").containsEntry("scope", "read,activity:read").containsKey("code");

        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", q.get("code"))
                .when().post("/oauth/token").then().statusCode(200)
                .body("athlete.id", equalTo(31415926)).body("refresh_token", notNullValue())
                .body("expires_in", equalTo(21600));
        // a code is single-use
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "authorization_code").formParam("code", q.get("code"))
                .when().post("/oauth/token").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void wrongClientCredentialsAreRefused() {
        given().formParam("client_id", "someone-else").formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token").then().statusCode(400).body("errors[0].field", equalTo("client_id"));
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", "wrong")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token").then().statusCode(401)
                .body("message", equalTo("Authorization Error")).body("errors[0].field", equalTo("client_secret"));
    }

    @Test
    void tokenRequestAlsoWorksWithQueryParameters() {
        given().queryParam("client_id", Sim.CLIENT_ID).queryParam("client_secret", Sim.SECRET)
                .queryParam("grant_type", "refresh_token").queryParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void deauthorizeRevokesEveryTokenOfTheAthlete() {
        String token = Sim.token();
        String other = Sim.token("read");
        given().formParam("access_token", token).when().post("/oauth/deauthorize").then().statusCode(200)
                .body("access_token", equalTo(token));
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(401);
        given().auth().oauth2(other).when().get("/api/v3/athlete").then().statusCode(401);
        refresh("simulator-refresh-token").then().statusCode(400);
    }

    @Test
    void scopesAreEnforced() {
        String readOnly = Sim.token("read");
        given().auth().oauth2(readOnly).when().get("/api/v3/athlete").then().statusCode(200);
        given().auth().oauth2(readOnly).when().get("/api/v3/athlete/activities").then().statusCode(401)
                .body("errors[0].field", equalTo("activity:read_permission"))
                .body("errors[0].code", equalTo("missing"));
        given().auth().oauth2(readOnly).when().get("/api/v3/athlete/zones").then().statusCode(401)
                .body("errors[0].field", equalTo("profile:read_permission"));
    }
}
