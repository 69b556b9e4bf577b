package dev.paceline.simulator.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Outside tests and the demo the control API is off, and says how to turn it on. */
@QuarkusTest
@TestProfile(AdminDisabledTest.AdminOff.class)
class AdminDisabledTest {

    public static class AdminOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simulator.admin.enabled", "false", "simulator.generator.activities", "10");
        }
    }

    @Test
    void adminPathsAnswer404NamingTheSwitchWhileTheApiWorks() {
        given().when().get("/admin/clock").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("-Dsimulator.admin.enabled=true"));
        given().when().post("/admin/reset").then().statusCode(404);
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token").then().statusCode(200).body("token_type", equalTo("Bearer"));
    }
}
