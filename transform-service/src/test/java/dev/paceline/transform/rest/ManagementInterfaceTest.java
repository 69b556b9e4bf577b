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

    @TestHTTPResource(value = "/q/health/ready", management = true)
    URL ready;
    @TestHTTPResource(value = "/q/metrics", management = true)
    URL metrics;
    @TestHTTPResource(value = "/q/openapi", management = true)
    URL openapi;

    @Test
    void healthMetricsAndOpenApiAnswerOnTheManagementPortOnly() {
        String base = ready.toString().replace("/q/health/ready", "");
        for (String u : new String[] {ready.toString(), metrics.toString(), openapi.toString(), base + "/q/metrics", base + "/metrics", base + "/q/openapi", base + "/openapi"}) {
            System.out.println("DIAG " + u + " -> " + given().get(u).statusCode());
        }
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
