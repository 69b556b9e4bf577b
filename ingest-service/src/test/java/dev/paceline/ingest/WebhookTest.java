package dev.paceline.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.service.RunOutcome;
import dev.paceline.ingest.service.SyncStateStore;
import dev.paceline.ingest.service.TokenService;
import dev.paceline.ingest.sim.CrashableLake;
import dev.paceline.ingest.sim.Simulator;
import dev.paceline.ingest.testresource.SimulatorResource;
import dev.paceline.ingest.token.TokenStore;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end with the simulator: the handshake, create/update/delete events re-fetched or tombstoned, bad
 * inputs refused, and a deauthorization that purges the athlete. One flow: each step needs the previous lake state.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatorResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "simulator.generator.activities", value = "12")})
class WebhookTest {

    static final long ATHLETE = 31415926L;
    static final String QUEUE = LakeLayout.state("ingest", "webhook-queue/");

    @Inject
    IngestCoordinator coordinator;
    @Inject
    CrashableLake lake;
    @Inject
    Simulator simulator;
    @Inject
    TokenService tokens;
    @Inject
    ObjectMapper json;

    @Test
    void handshakeAnswersOnlyTheConfiguredVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "c-15f7d1a91c1f40f8")
                .queryParam("hub.verify_token", "test-verify-token")
                .get("/webhook").then().statusCode(200).body("'hub.challenge'", equalTo("c-15f7d1a91c1f40f8"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "x")
                .queryParam("hub.verify_token", "guess")
                .get("/webhook").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Wrong verify token"))
                .body("detail", containsString("STRAVA_WEBHOOK_VERIFY_TOKEN"));
    }

    @Test
    void eventsEndInTheRightLakeStateAndBadOnesAreRefused() throws Exception {
        simulator.setClock(Instant.parse("2026-11-02T06:00:00Z"));
        assertThat(coordinator.runOnce("job").failures()).isEmpty();
        String callback = "http://localhost:" + RestAssured.port + "/webhook";
        long subscription = AdminKey.given().queryParam("callback_url", callback).post("/webhook/subscription")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        // bad inputs: refused with a problem, nothing queued
        given().contentType("application/json").body("{\"object_type\":\"activity\",").post("/webhook")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed webhook event")).body("detail", containsString("not valid JSON"));
        given().contentType("application/json").body(event("activity", 1, "create", ATHLETE, subscription + 99))
                .post("/webhook").then().statusCode(403).body("title", equalTo("Unknown subscription"))
                .body("detail", containsString("expected " + subscription));
        given().contentType("application/json").body(event("activity", 1, "create", 999, subscription))
                .post("/webhook").then().statusCode(403).body("title", equalTo("Unknown athlete"));
        given().contentType("application/json").body("{\"object_type\":\"activity\",\"aspect_type\":\"create\"}")
                .post("/webhook").then().statusCode(400).body("detail", containsString("object_id"));
        assertThat(lake.listAll(QUEUE)).isEmpty();
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).contains("paceline_webhook_events_total{outcome=\"unknown_subscription\"} 1.0")
                .contains("paceline_webhook_events_total{outcome=\"unknown_athlete\"} 1.0")
                .contains("paceline_webhook_events_total{outcome=\"malformed\"} 2.0");

        // create: the event is queued durably and the activity fetched
        long id = simulator.createActivity("{\"name\":\"Webhook Ride\",\"sport_type\":\"Ride\",\"elapsed_time\":2400}")
                .path("id").asLong();
        awaitQueued();
        RunOutcome created = coordinator.processWebhooks().orElseThrow();
        assertThat(created.trigger()).isEqualTo("webhook");
        assertThat(payload(LakeLayout.activity(ATHLETE, id)).path("name").asText()).isEqualTo("Webhook Ride");
        assertThat(lake.stat(LakeLayout.streams(ATHLETE, id))).isPresent();
        assertThat(lake.listAll(QUEUE)).isEmpty();
        assertThat(manifestPaths(created)).contains(LakeLayout.activity(ATHLETE, id) + " created",
                LakeLayout.streams(ATHLETE, id) + " created");

        // update: re-fetched
        simulator.updateActivity(id, "{\"name\":\"Webhook Ride, renamed\"}");
        awaitQueued();
        RunOutcome updated = coordinator.processWebhooks().orElseThrow();
        assertThat(payload(LakeLayout.activity(ATHLETE, id)).path("name").asText()).isEqualTo("Webhook Ride, renamed");
        assertThat(manifestPaths(updated)).containsExactly(LakeLayout.activity(ATHLETE, id) + " updated");

        // delete: tombstone, raw payload kept
        simulator.deleteActivity(id);
        awaitQueued();
        RunOutcome deleted = coordinator.processWebhooks().orElseThrow();
        JsonNode tombstone = json.readTree(lake.get(LakeLayout.deletion(ATHLETE, id)).orElseThrow());
        assertThat(tombstone.path("kind").asText()).isEqualTo("deletion");
        assertThat(tombstone.get("payload").isNull()).isTrue();
        assertThat(tombstone.path("source").asText()).startsWith("webhook delete");
        assertThat(lake.stat(LakeLayout.activity(ATHLETE, id))).isPresent();
        assertThat(manifestPaths(deleted)).containsExactly(LakeLayout.deletion(ATHLETE, id) + " created");

        // deauthorization: syncing stops, raw data purged, tombstone for the athlete
        int rawBefore = lake.listAll(LakeLayout.athletePrefix(ATHLETE)).size();
        simulator.deauthorize(tokens.accessToken(ATHLETE));
        awaitQueued();
        RunOutcome deauthorized = coordinator.processWebhooks().orElseThrow();
        List<ObjectInfo> left = lake.listAll(LakeLayout.athletePrefix(ATHLETE));
        assertThat(left).extracting(ObjectInfo::path).containsExactly(LakeLayout.athleteDeauthorization(ATHLETE));
        assertThat(lake.stat(TokenStore.tokenPath(ATHLETE))).isEmpty();
        assertThat(manifestPaths(deauthorized)).hasSize(rawBefore + 1)
                .contains(LakeLayout.athleteDeauthorization(ATHLETE) + " created")
                .contains(LakeLayout.activity(ATHLETE, id) + " deleted");
        simulator.resetCounters();
        RunOutcome after = coordinator.runOnce("schedule");
        assertThat(after.requests()).isZero();
        assertThat(after.manifest()).isNull();
        assertThat(json.readTree(lake.get(SyncStateStore.statePath(ATHLETE)).orElseThrow()).path("phase").asText())
                .isEqualTo("deauthorized");
    }

    private void awaitQueued() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> !lake.listAll(QUEUE).isEmpty());
    }

    private JsonNode payload(String path) throws Exception {
        return json.readTree(lake.get(path).orElseThrow()).path("payload");
    }

    private List<String> manifestPaths(RunOutcome outcome) throws Exception {
        JsonNode manifest = json.readTree(lake.get(LakeLayout.ingestManifest(outcome.runId())).orElseThrow());
        return StreamSupport.stream(manifest.path("objects").spliterator(), false)
                .map(e -> e.path("path").asText() + " " + e.path("change").asText()).toList();
    }

    private static String event(String type, long objectId, String aspect, long owner, long subscription) {
        return "{\"object_type\":\"" + type + "\",\"object_id\":" + objectId + ",\"aspect_type\":\"" + aspect
                + "\",\"owner_id\":" + owner + ",\"subscription_id\":" + subscription
                + ",\"event_time\":1793599200,\"updates\":{}}";
    }
}
