package dev.paceline.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.service.RunOutcome;
import dev.paceline.ingest.service.SyncState;
import dev.paceline.ingest.service.SyncStateStore;
import dev.paceline.ingest.sim.CrashableLake;
import dev.paceline.ingest.sim.Simulator;
import dev.paceline.ingest.testresource.SimulatorResource;
import dev.paceline.ingest.token.StoredToken;
import dev.paceline.ingest.token.TokenStore;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incremental sync, token rotation, simulator faults, malformed answers and an inactive app, against the simulator. */
@QuarkusTest
@QuarkusTestResource(value = SimulatorResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "simulator.generator.activities", value = "40")})
class SyncFlowsTest {

    static final long ATHLETE = 31415926L;

    @Inject
    IngestCoordinator coordinator;
    @Inject
    CrashableLake lake;
    @Inject
    Simulator simulator;
    @Inject
    SyncStateStore states;
    @Inject
    TokenStore tokens;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void steadyState() {
        simulator.clearFaults();
        simulator.application(true);
        if (lake.stat(SyncStateStore.statePath(ATHLETE)).isEmpty()) {
            simulator.setClock(Instant.parse("2026-11-02T06:00:00Z"));
        }
        RunOutcome outcome = coordinator.runOnce("job");
        assertThat(outcome.fatal()).isNull();
    }

    @Test
    void incrementalPicksUpNewAndEditedActivitiesOnly() throws Exception {
        SyncState state = states.load(ATHLETE);
        long newest = state.activities.entrySet().stream().filter(e -> !e.getValue().deleted())
                .max(Map.Entry.comparingByValue((a, b) -> Long.compare(a.start(), b.start()))).orElseThrow().getKey();
        JsonNode created = simulator.createActivity("{\"name\":\"Lunch Ride\",\"sport_type\":\"Ride\",\"start_date\":\""
                + simulator.now().minus(Duration.ofHours(3)) + "\",\"elapsed_time\":3600}");
        long createdId = created.path("id").asLong();
        simulator.updateActivity(newest, "{\"name\":\"Renamed after the ride\"}");
        simulator.resetCounters();

        RunOutcome outcome = coordinator.runOnce("schedule");

        assertThat(outcome.failures()).isEmpty();
        JsonNode manifest = json.readTree(lake.get(LakeLayout.ingestManifest(outcome.runId())).orElseThrow());
        List<String> paths = StreamSupport.stream(manifest.path("objects").spliterator(), false)
                .filter(e -> !e.path("kind").asText().equals("athlete") && !e.path("kind").asText().equals("zones"))
                .map(e -> e.path("path").asText() + " " + e.path("change").asText()).toList();
        assertThat(paths).containsExactlyInAnyOrder(
                LakeLayout.activity(ATHLETE, createdId) + " created",
                LakeLayout.streams(ATHLETE, createdId) + " created",
                LakeLayout.activity(ATHLETE, newest) + " updated");
        JsonNode renamed = json.readTree(lake.get(LakeLayout.activity(ATHLETE, newest)).orElseThrow());
        assertThat(renamed.path("payload").path("name").asText()).isEqualTo("Renamed after the ride");
        JsonNode routes = simulator.counters().path("per_route");
        assertThat(routes.path("GET /api/v3/activities/{id}").asInt()).isEqualTo(2);
        assertThat(routes.path("GET /api/v3/activities/{id}/streams").asInt()).isEqualTo(1);
    }

    @Test
    void rotatedRefreshTokensArePersistedAndUsed() {
        StoredToken before = tokens.load(ATHLETE).orElseThrow();
        assertThat(before.refreshToken()).as("the env token was exchanged and the newest one stored")
                .isNotEqualTo("simulator-refresh-token");
        simulator.advance(Duration.ofSeconds(before.expiresAt() - simulator.now().getEpochSecond() - 1800));

        RunOutcome outcome = coordinator.runOnce("schedule");

        assertThat(outcome.failures()).isEmpty();
        StoredToken after = tokens.load(ATHLETE).orElseThrow();
        assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
        assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
        assertThat(after.expiresAt()).isGreaterThan(before.expiresAt());
        String stored = new String(lake.get(TokenStore.tokenPath(ATHLETE)).orElseThrow());
        assertThat(stored).doesNotContain(after.refreshToken()).doesNotContain(after.accessToken());
        assertThat(coordinator.runOnce("schedule").failures()).isEmpty();
    }

    @Test
    void everySimulatorFaultKindIsSurvived() {
        List<List<String>> rounds = List.of(List.of("500", "502", "503"), List.of("connection_reset", "hang"));
        for (List<String> kinds : rounds) {
            long a = simulator.createActivity("{\"name\":\"Fault run\",\"sport_type\":\"Run\",\"elapsed_time\":1800}").path("id").asLong();
            simulator.fault("/api/v3/athlete/activities", "503", 1);
            for (String kind : kinds) {
                simulator.fault("/api/v3/activities/*", kind, 1);
            }
            RunOutcome outcome = coordinator.runOnce("schedule");
            assertThat(outcome.fatal()).as("faults " + kinds).isNull();
            assertThat(outcome.failures()).isEmpty();
            assertThat(lake.stat(LakeLayout.activity(ATHLETE, a))).isPresent();
            assertThat(lake.stat(LakeLayout.streams(ATHLETE, a))).isPresent();
            assertThat(simulator.call("GET", "/admin/faults", null).findValues("remaining"))
                    .allMatch(n -> n.asInt() == 0);
        }
    }

    @Test
    void malformedJsonForOneActivityIsReportedWhileTheOthersLand() {
        long bad = simulator.createActivity("{\"name\":\"Broken\",\"sport_type\":\"Ride\",\"elapsed_time\":1800}").path("id").asLong();
        long good = simulator.createActivity("{\"name\":\"Fine\",\"sport_type\":\"Ride\",\"elapsed_time\":1800}").path("id").asLong();
        simulator.fault("/api/v3/activities/" + bad, "malformed_json", 50);

        RunOutcome outcome = coordinator.runOnce("schedule");

        assertThat(outcome.failures()).hasSize(1);
        assertThat(outcome.failures().get(0)).contains("activity " + bad).contains("malformed JSON");
        assertThat(lake.stat(LakeLayout.activity(ATHLETE, bad))).isEmpty();
        assertThat(lake.stat(LakeLayout.activity(ATHLETE, good))).isPresent();
        assertThat(lake.stat(LakeLayout.streams(ATHLETE, good))).isPresent();
        AdminKey.given().get("/sync/status").then().statusCode(200)
                .body("athletes[0].activities_failed", equalTo(1))
                .body("athletes[0].failures.'" + bad + "'", org.hamcrest.Matchers.containsString("malformed JSON"));
        assertThat(IngestMain.exitCode(outcome)).isEqualTo(2);

        simulator.clearFaults();
        RunOutcome retried = coordinator.runOnce("schedule");
        assertThat(retried.failures()).isEmpty();
        assertThat(lake.stat(LakeLayout.activity(ATHLETE, bad))).isPresent();
        assertThat(IngestMain.exitCode(retried)).isZero();
    }

    @Test
    void aJobOutOfBudgetSavesItsCheckpointAndExitsZero() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(simulator.createActivity("{\"name\":\"Budget ride " + i + "\",\"sport_type\":\"Ride\",\"elapsed_time\":1800}")
                    .path("id").asLong());
        }
        simulator.advance(Duration.ofMinutes(15));
        simulator.limits("{\"read_15min\":6}");
        RunOutcome job = coordinator.runOnce("job", Duration.ofMinutes(1));
        simulator.limits("{\"read_15min\":100}");

        assertThat(job.budgetExhausted()).isTrue();
        assertThat(job.nextWindow()).isNotNull();
        assertThat(job.fatal()).isNull();
        assertThat(IngestMain.exitCode(job)).isZero();
        assertThat(simulator.counters().path("too_many_requests").asInt()).isZero();
        assertThat(lake.stat(LakeLayout.ingestManifest(job.runId()))).as("what landed is published").isPresent();
        long landed = ids.stream().filter(id -> lake.stat(LakeLayout.streams(ATHLETE, id)).isPresent()).count();
        assertThat(landed).isLessThan(4);
        assertThat(states.load(ATHLETE).activities.values().stream().filter(a -> a.needsWork()).count())
                .as("the checkpoint keeps the rest pending").isEqualTo(4 - landed);

        RunOutcome next = coordinator.runOnce("job", Duration.ofMinutes(16));
        assertThat(next.budgetExhausted()).isFalse();
        assertThat(ids).allMatch(id -> lake.stat(LakeLayout.streams(ATHLETE, id)).isPresent());
    }

    @Test
    void anInactiveApplicationStopsTheRunWithWhatTheOwnerMustDo() {
        simulator.application(false);
        RunOutcome outcome = coordinator.runOnce("job");
        simulator.application(true);
        assertThat(outcome.fatal()).contains("403 Application Inactive").contains("app owner must renew");
        assertThat(IngestMain.exitCode(outcome)).isEqualTo(1);
    }

    @Test
    void oauthCodeFlowConnectsAnAthleteWithTheRequiredScopes() {
        String toStrava = AdminKey.given().redirects().follow(false).get("/oauth/connect").then().statusCode(303)
                .extract().header("Location");
        assertThat(toStrava).startsWith(simulator.baseUrl() + "/oauth/authorize?")
                .contains("client_id=paceline-local").contains("response_type=code")
                .contains("scope=read%2Cactivity%3Aread_all%2Cprofile%3Aread_all").contains("state=");
        String back = given().urlEncodingEnabled(false).redirects().follow(false).get(toStrava).then().statusCode(302).extract().header("Location");
        java.net.URI callback = java.net.URI.create(back);
        given().urlEncodingEnabled(false).redirects().follow(false).get("/oauth/callback?" + callback.getRawQuery()).then().statusCode(200)
                .body("athlete_id", equalTo((int) ATHLETE))
                .body("scopes", org.hamcrest.Matchers.hasItems("read", "activity:read_all", "profile:read_all"));
        assertThat(tokens.load(ATHLETE).orElseThrow().scopes()).isEqualTo("read,activity:read_all,profile:read_all");
        // the state is one-time: replaying the redirect is refused
        given().urlEncodingEnabled(false).get("/oauth/callback?" + callback.getRawQuery()).then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unknown OAuth state"));

        String state = java.net.URLDecoder.decode(toStrava.replaceAll(".*[?&]state=([^&]+).*", "$1"),
                java.nio.charset.StandardCharsets.UTF_8);
        String second = AdminKey.given().redirects().follow(false).get("/oauth/connect").then().extract().header("Location")
                .replaceAll(".*[?&]state=([^&]+).*", "$1");
        assertThat(second).isNotEqualTo(state);
        given().queryParam("code", "x").queryParam("scope", "read").queryParam("state", second)
                .get("/oauth/callback").then().statusCode(400)
                .body("title", equalTo("Missing Strava scopes")).body("detail", containsString("activity:read_all"));
    }

    @Test
    void reconciliationTombstonesActivitiesDeletedWithoutAWebhook() throws Exception {
        long victim = states.load(ATHLETE).activities.entrySet().stream().filter(e -> !e.getValue().deleted())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        simulator.deleteActivity(victim);
        assertThat(coordinator.runOnce("schedule").failures()).isEmpty();
        assertThat(lake.stat(LakeLayout.deletion(ATHLETE, victim))).as("not due yet: an old deletion goes unseen").isEmpty();

        simulator.advance(Duration.ofDays(8));
        RunOutcome outcome = coordinator.runOnce("schedule");

        assertThat(outcome.failures()).isEmpty();
        JsonNode tombstone = json.readTree(lake.get(LakeLayout.deletion(ATHLETE, victim)).orElseThrow());
        assertThat(tombstone.path("kind").asText()).isEqualTo("deletion");
        assertThat(tombstone.path("source").asText()).startsWith("reconciliation");
        assertThat(lake.stat(LakeLayout.activity(ATHLETE, victim))).as("raw payload kept").isPresent();
        assertThat(states.load(ATHLETE).lastReconciledAt).isEqualTo(simulator.now().toString());
        assertThat(states.load(ATHLETE).activities.get(victim).deleted()).isTrue();
    }

    @Test
    void statusAndMetricsShowProgressAndBudget() {
        AdminKey.given().get("/sync/status").then().statusCode(200)
                .body("running", equalTo(false))
                .body("athletes[0].athlete_id", equalTo((int) ATHLETE))
                .body("athletes[0].phase", equalTo("incremental"))
                .body("athletes[0].activities_known", greaterThan(39))
                .body("athletes[0].requests_left", equalTo(0))
                .body("athletes[0].requests_used", greaterThan(80))
                .body("budget.short_limit", equalTo(200))
                .body("budget.read_short_limit", equalTo(100))
                .body("last_run.run_id", notNullValue());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("paceline_strava_budget_remaining{window=\"15min\"}")
                .contains("paceline_ingest_activities_known{athlete_id=\"31415926\"}")
                .contains("paceline_strava_requests_total");
    }
}
