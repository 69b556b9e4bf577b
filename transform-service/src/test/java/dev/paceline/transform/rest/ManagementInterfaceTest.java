package dev.paceline.transform.rest;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the management interface on (as packaged: application.properties), health, metrics and OpenAPI answer only on
 * the management port, and the application port serves the application paths alone.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.ManagementOn.class)
@QuarkusTestResource(value = TempStorageResource.class, restrictToAnnotatedClass = true)
class ManagementInterfaceTest {

    /** The packaged setting; the other tests run with one port. */
    public static class ManagementOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port", "0");
        }
    }

    // Relative to the management root, which is /q: these are /q/health/ready, /q/metrics and /q/openapi.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @Test
    void healthMetricsAndOpenApiAnswerOnTheManagementPortOnly() {
        org.assertj.core.api.Assertions.assertThat(ready.getPath()).isEqualTo("/q/health/ready");
        org.assertj.core.api.Assertions.assertThat(ready.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        given().get(ready).then().statusCode(200);
        given().get(metrics).then().statusCode(200);
        given().get(openapi).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
    }

    @Test
    void theApplicationPortKeepsTheOperationsEndpointsBehindTheKey() {
        given().get("/runs").then().statusCode(200);
        given().contentType("application/json").body("{}").post("/runs").then().statusCode(401);
    }
}
