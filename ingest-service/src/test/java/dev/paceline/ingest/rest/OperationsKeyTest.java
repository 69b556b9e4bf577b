package dev.paceline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.paceline.ingest.AdminKey;
import dev.paceline.ingest.testresource.SimulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The operations endpoints (/sync/*, /webhook/subscription*, /oauth/connect) need an admin key of the platform's
 * scheme; Strava's handshake and event delivery (GET and POST /webhook) and the OAuth callback stay open.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatorResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "simulator.generator.activities", value = "12")})
class OperationsKeyTest {

    @ConfigProperty(name = "paceline.lake.uri")
    String lakeUri;

    @ParameterizedTest(name = "{0} {1} without a key -> 401")
    @CsvSource({"GET, /sync/status", "POST, /sync/run", "GET, /webhook/subscription", "POST, /webhook/subscription",
        "DELETE, /webhook/subscription/1", "GET, /oauth/connect"})
    void operationsEndpointsWithoutAKeyAre401ProblemsThatLeakNothing(String method, String path) {
        String body = given().redirects().follow(false).request(method, path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("detail", containsString("Authorization: Bearer"))
                .extract().asString();
        assertThat(body).doesNotContain(lakeUri).doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0} {1} with an athlete-scoped key -> 403")
    @CsvSource({"GET, /sync/status", "POST, /sync/run", "POST, /webhook/subscription", "GET, /oauth/connect"})
    void anAthleteScopedKeyIs403(String method, String path) {
        given().header("X-API-Key", AdminKey.ATHLETE).redirects().follow(false).request(method, path).then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("admin key"));
    }

    @Test
    void aWrongKeyIs401() {
        given().header("Authorization", "Bearer " + AdminKey.LOCAL.substring(1)).get("/sync/status").then()
                .statusCode(401).body("detail", containsString("not valid"));
    }

    @Test
    void theLocalAndTheHashedAdminKeysBothPass() {
        AdminKey.given().get("/sync/status").then().statusCode(200);
        given().header("Authorization", "Bearer " + AdminKey.HASHED_ADMIN).get("/sync/status").then().statusCode(200);
        AdminKey.given().redirects().follow(false).get("/oauth/connect").then().statusCode(303)
                .header("Location", containsString("/oauth/authorize?"));
    }

    @Test
    void stravasHandshakeEventsAndTheOAuthCallbackNeedNoKey() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "c-1")
                .queryParam("hub.verify_token", "test-verify-token")
                .get("/webhook").then().statusCode(200).body("'hub.challenge'", equalTo("c-1"));
        // Reaches the event check (no subscription exists yet), not the key check.
        given().contentType("application/json").body("{\"object_type\":\"activity\",").post("/webhook").then()
                .statusCode(400).body("title", equalTo("Malformed webhook event"));
        given().get("/oauth/callback?state=unknown").then().statusCode(400)
                .body("title", startsWith("Unknown OAuth state"));
    }

    @Test
    void readinessNamesNoLakeLocation() {
        String ready = given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'lake' }.data.lake", equalTo("reachable")).extract().asString();
        assertThat(ready).doesNotContain(lakeUri);
    }
}
