package dev.paceline.simulator.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ApplicationInactiveTest {

    @AfterEach
    void reset() {
        Sim.reset();
    }

    @Test
    void inactiveApplicationAnswers403OnEveryCall() {
        Sim.reset();
        String token = Sim.token();
        given().contentType(ContentType.JSON).body("{\"active\":false}").when().put("/admin/application")
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(token).when().get("/api/v3/athlete/activities").then().statusCode(403)
                .body("errors[0].resource", equalTo("Application")).body("errors[0].field", equalTo("Status"))
                .body("errors[0].code", equalTo("Inactive"));
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"active\":true}").when().put("/admin/application")
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200);
    }
}
