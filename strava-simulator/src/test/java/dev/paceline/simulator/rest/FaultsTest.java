package dev.paceline.simulator.rest;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class FaultsTest {

    @TestHTTPResource("/api/v3/athlete")
    URL athleteUrl;

    String token;

    @BeforeEach
    void setUp() {
        Sim.reset();
        token = Sim.token();
    }

    private HttpResponse<String> jdkGet(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(HttpRequest.newBuilder(URI(athleteUrl)).timeout(timeout)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.URI URI(URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void serverErrorsAnswerTheNextNCallsThenStop() {
        Sim.fault("/api/v3/athlete", "503", 2);
        Sim.fault("/api/v3/activities/*", "500", 1);
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(503)
                .body("message", equalTo("Service Unavailable"));
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(503);
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v3/activities/1/streams").then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/v3/activities/1").then().statusCode(500);
        given().when().get("/admin/faults").then().body("size()", equalTo(0));
    }

    @Test
    void badGatewayWithDoubleStarGlobAndMethodFilter() {
        given().contentType(ContentType.JSON)
                .body("{\"path\":\"/api/v3/**\",\"kind\":\"502\",\"count\":1,\"method\":\"POST\"}")
                .when().post("/admin/faults").then().statusCode(201).body("kind", equalTo("error_502"));
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200);
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("callback_url", "http://127.0.0.1:1/cb").formParam("verify_token", "x")
                .when().post("/api/v3/push_subscriptions").then().statusCode(502);
    }

    @Test
    void oauthPathsCanFailToo() {
        Sim.fault("/oauth/token", "500", 1);
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token").then().statusCode(500);
    }

    @Test
    void malformedJsonIsA200WithATruncatedBody() {
        Sim.fault("/api/v3/athlete", "malformed_json", 1);
        String body = given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        assertThatThrownBy(() -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(body))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200).body("id",
                equalTo(31415926));
    }

    @Test
    void hangKeepsTheCallerWaitingPastItsTimeout() throws Exception {
        Sim.fault("/api/v3/athlete", "hang", 1);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> jdkGet(Duration.ofMillis(800))).isInstanceOf(HttpTimeoutException.class);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(800);
        assertThat(jdkGet(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void connectionResetClosesWithoutAnAnswer() throws Exception {
        Sim.fault("/api/v3/athlete", "connection_reset", 1);
        try (java.net.Socket socket = new java.net.Socket(athleteUrl.getHost(), athleteUrl.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v3/athlete HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertThat(read).as("no byte of an answer before the connection closes").isEqualTo(-1);
        }
        assertThat(jdkGet(Duration.ofSeconds(10)).statusCode()).isEqualTo(200);
    }

    @Test
    void badFaultRequestsExplainTheFix() {
        given().contentType(ContentType.JSON).body("{\"path\":\"/api/v3/athlete\",\"kind\":\"explode\"}")
                .when().post("/admin/faults").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("must be one of 500, 502, 503, hang"));
        given().contentType(ContentType.JSON).body("{\"path\":\"api\",\"kind\":\"500\"}")
                .when().post("/admin/faults").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("starting with '/'"));
    }
}
