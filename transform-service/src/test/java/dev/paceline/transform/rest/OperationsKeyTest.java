package dev.paceline.transform.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.paceline.transform.AdminKey;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** POST /runs needs an admin key (the platform's scheme); reading runs and health stays open; nothing names the lake. */
@QuarkusTest
@QuarkusTestResource(value = TempStorageResource.class, restrictToAnnotatedClass = true)
class OperationsKeyTest {

    @Test
    void startingARunWithoutAKeyIs401ProblemThatLeaksNothing() {
        String body = given().contentType("application/json").body("{}").when().post("/runs").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("detail", containsString("Authorization: Bearer"))
                .extract().asString();
        assertThat(body).doesNotContain(TempStorageResource.lakeDir.toString()).doesNotContain("Exception");
    }

    @Test
    void aWrongKeyIs401AndAnAthleteScopedKeyIs403() {
        given().header("Authorization", "Bearer " + AdminKey.LOCAL + "x").contentType("application/json").body("{}")
                .when().post("/runs").then().statusCode(401).body("detail", containsString("not valid"));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").contentType("application/json").body("{}")
                .when().post("/runs").then().statusCode(401).body("detail", containsString("Bearer"));
        given().header("X-API-Key", AdminKey.ATHLETE).contentType("application/json").body("{}")
                .when().post("/runs").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403)).body("detail", containsString("admin key"));
    }

    @Test
    void theLocalAndTheHashedAdminKeysBothPass() {
        // A selection naming no model is refused after authentication, so no build starts.
        AdminKey.given().contentType("application/json").body("{\"selection\": \"stg_nope\"}")
                .when().post("/runs").then().statusCode(400).body("detail", containsString("names no model"));
        given().header("X-API-Key", AdminKey.HASHED_ADMIN).contentType("application/json").body("{\"selection\": \"stg_nope\"}")
                .when().post("/runs").then().statusCode(400);
    }

    @Test
    void listingRunsAndReadinessNeedNoKeyAndNameNoLakeLocation() {
        given().when().get("/runs").then().statusCode(200);
        String ready = given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'transform-storage' }.data.lake", equalTo("reachable"))
                .body("checks.find { it.name == 'transform-storage' }.data.warehouse_probe",
                        containsString("skipped"))
                .extract().asString();
        assertThat(ready).doesNotContain(TempStorageResource.lakeDir.toString()).doesNotContain("file:");
    }
}
