package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Push subscriptions against a real callback server: handshake, events, retries. */
@QuarkusTest
class WebhookTest {

    static final ObjectMapper JSON = new ObjectMapper();

    HttpServer callback;
    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    /** The next N event POSTs answer 500. */
    final AtomicInteger failNext = new AtomicInteger();
    /** The next N event POSTs answer after 1.5 s (the %test timeout is 1 s). */
    final AtomicInteger slowNext = new AtomicInteger();
    String callbackUrl;

    @BeforeEach
    void start() throws IOException {
        Sim.reset();
        callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/strava/webhook", this::handle);
        callback.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        callback.start();
        callbackUrl = "http://127.0.0.1:" + callback.getAddress().getPort() + "/strava/webhook";
    }

    @AfterEach
    void stop() {
        callback.stop(0);
        Sim.reset();
    }

    private void handle(HttpExchange ex) throws IOException {
        if ("GET".equals(ex.getRequestMethod())) {
            Map<String, String> q = Arrays.stream(ex.getRequestURI().getRawQuery().split("&"))
                    .map(kv -> kv.split("=", 2)).collect(Collectors.toMap(kv -> kv[0],
                            kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
            if ("subscribe".equals(q.get("hub.mode")) && "secret-verify".equals(q.get("hub.verify_token"))) {
                respond(ex, 200, "{\"hub.challenge\":\"" + q.get("hub.challenge") + "\"}");
            } else {
                respond(ex, 403, "{}");
            }
            return;
        }
        JsonNode event = JSON.readTree(ex.getRequestBody());
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(ex, 500, "{}");
            return;
        }
        if (slowNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.add(event);
        respond(ex, 200, "");
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private long subscribe(String verifyToken, int expectedStatus) {
        var r = given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("callback_url", callbackUrl).formParam("verify_token", verifyToken)
                .when().post("/api/v3/push_subscriptions").then().statusCode(expectedStatus).extract();
        return expectedStatus == 201 ? r.jsonPath().getLong("id") : -1;
    }

    private void awaitEvents(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (events.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void handshakeWithTheRightVerifyTokenCreatesTheSubscription() {
        long id = subscribe("secret-verify", 201);
        given().queryParam("client_id", Sim.CLIENT_ID).queryParam("client_secret", Sim.SECRET)
                .when().get("/api/v3/push_subscriptions").then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo((int) id)).body("[0].callback_url", equalTo(callbackUrl));
        // only one subscription per application
        subscribe("secret-verify", 400);
        given().queryParam("client_id", Sim.CLIENT_ID).queryParam("client_secret", Sim.SECRET)
                .when().delete("/api/v3/push_subscriptions/" + id).then().statusCode(204);
        given().queryParam("client_id", Sim.CLIENT_ID).queryParam("client_secret", Sim.SECRET)
                .when().get("/api/v3/push_subscriptions").then().body("$", hasSize(0));
    }

    @Test
    void handshakeWithAWrongVerifyTokenIsRefused() {
        given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("callback_url", callbackUrl).formParam("verify_token", "wrong")
                .when().post("/api/v3/push_subscriptions").then().statusCode(400)
                .body("errors[0].resource", equalTo("PushSubscription"))
                .body("errors[0].field", equalTo("callback url"))
                .body("errors[0].code", equalTo("GET to callback URL does not return 200"));
        given().queryParam("client_id", Sim.CLIENT_ID).queryParam("client_secret", Sim.SECRET)
                .when().get("/api/v3/push_subscriptions").then().body("$", hasSize(0));
    }

    @Test
    void adminChangesSendCreateUpdateAndDeleteEvents() throws Exception {
        long subscription = subscribe("secret-verify", 201);
        JsonPath created = given().contentType(ContentType.JSON)
                .body("{\"name\":\"Lunch Ride\",\"sport_type\":\"Ride\",\"start_date\":\"2026-10-30T12:00:00Z\","
                        + "\"elapsed_time\":1800}")
                .when().post("/admin/activities").then().statusCode(201).body("name", equalTo("Lunch Ride"))
                .extract().jsonPath();
        long id = created.getLong("id");
        awaitEvents(1);
        given().contentType(ContentType.JSON).body("{\"name\":\"Renamed\",\"sport_type\":\"GravelRide\","
                        + "\"private\":true}")
                .when().put("/admin/activities/" + id).then().statusCode(200).body("name", equalTo("Renamed"))
                .body("type", equalTo("Ride")).body("sport_type", equalTo("GravelRide"));
        awaitEvents(2);
        given().when().delete("/admin/activities/" + id).then().statusCode(204);
        awaitEvents(3);

        JsonNode create = events.get(0);
        assertThat(create.path("object_type").asText()).isEqualTo("activity");
        assertThat(create.path("aspect_type").asText()).isEqualTo("create");
        assertThat(create.path("object_id").asLong()).isEqualTo(id);
        assertThat(create.path("owner_id").asLong()).isEqualTo(31415926L);
        assertThat(create.path("subscription_id").asLong()).isEqualTo(subscription);
        JsonNode update = events.get(1);
        assertThat(update.path("aspect_type").asText()).isEqualTo("update");
        assertThat(update.path("updates").path("title").asText()).isEqualTo("Renamed");
        assertThat(update.path("updates").path("type").asText()).isEqualTo("GravelRide");
        assertThat(update.path("updates").path("private").asText()).isEqualTo("true");
        assertThat(events.get(2).path("aspect_type").asText()).isEqualTo("delete");

        String token = Sim.token();
        given().auth().oauth2(token).when().get("/api/v3/activities/" + id).then().statusCode(404);
    }

    @Test
    void failedAndSlowDeliveriesAreRetriedUpToThreeAttempts() throws Exception {
        subscribe("secret-verify", 201);
        failNext.set(2);
        given().contentType(ContentType.JSON).body("{\"name\":\"Run\",\"sport_type\":\"Run\"}")
                .when().post("/admin/activities").then().statusCode(201);
        awaitEvents(1);
        JsonPath log = given().when().get("/admin/webhooks").then().extract().jsonPath();
        assertThat(log.getList("deliveries.outcome", String.class)).containsExactly("failed", "failed", "delivered");
        assertThat(log.getList("deliveries.attempt", Integer.class)).containsExactly(1, 2, 3);

        given().when().delete("/admin/webhooks/deliveries").then().statusCode(204);
        slowNext.set(1);
        given().contentType(ContentType.JSON).body("{\"name\":\"Swim\",\"sport_type\":\"Swim\"}")
                .when().post("/admin/activities").then().statusCode(201);
        awaitEvents(3); // the slow answer still arrives (after the timeout), then the retry
        List<String> outcomes = given().when().get("/admin/webhooks").then().extract().jsonPath()
                .getList("deliveries.outcome", String.class);
        assertThat(outcomes).containsExactly("timeout", "delivered");
    }

    @Test
    void aCallbackThatKeepsFailingGetsExactlyThreeAttempts() throws Exception {
        subscribe("secret-verify", 201);
        failNext.set(10);
        given().contentType(ContentType.JSON).body("{\"name\":\"Hike\",\"sport_type\":\"Hike\"}")
                .when().post("/admin/activities").then().statusCode(201);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Integer> attempts = List.of();
        while (System.nanoTime() < deadline && attempts.size() < 3) {
            Thread.sleep(50);
            attempts = given().when().get("/admin/webhooks").then().extract().jsonPath()
                    .getList("deliveries.attempt", Integer.class);
        }
        Thread.sleep(500); // no fourth attempt comes
        attempts = given().when().get("/admin/webhooks").then().extract().jsonPath()
                .getList("deliveries.attempt", Integer.class);
        assertThat(attempts).containsExactly(1, 2, 3);
        assertThat(events).isEmpty();
    }

    @Test
    void deauthorizationSendsTheAthleteEvent() throws Exception {
        subscribe("secret-verify", 201);
        String token = Sim.token();
        given().formParam("access_token", token).when().post("/oauth/deauthorize").then().statusCode(200);
        awaitEvents(1);
        JsonNode e = events.get(0);
        assertThat(e.path("object_type").asText()).isEqualTo("athlete");
        assertThat(e.path("object_id").asLong()).isEqualTo(31415926L);
        assertThat(e.path("updates").path("authorized").isTextual()).isTrue();
        assertThat(e.path("updates").path("authorized").asText()).isEqualTo("false");
    }
}
