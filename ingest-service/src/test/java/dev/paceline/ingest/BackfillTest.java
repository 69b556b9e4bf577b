package dev.paceline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.service.RunOutcome;
import dev.paceline.ingest.sim.CrashableLake;
import dev.paceline.ingest.sim.Simulator;
import dev.paceline.ingest.sim.SimulatedCrash;
import dev.paceline.ingest.testresource.SimulatorResource;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A backfill of 500 generated activities under small rate limits on the simulator's clock: killed between two lake
 * writes, resumed, and finished with every activity and stream exactly once, zero 429s, several windows.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatorResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "simulator.generator.activities", value = "500"),
        @ResourceArg(name = "simulator.limits.read15min", value = "100"),
        @ResourceArg(name = "simulator.limits.read-daily", value = "5000"),
        @ResourceArg(name = "simulator.limits.overall15min", value = "200"),
        @ResourceArg(name = "simulator.limits.overall-daily", value = "10000")})
class BackfillTest {

    @Inject
    IngestCoordinator coordinator;
    @Inject
    CrashableLake lake;
    @Inject
    Simulator simulator;
    @Inject
    RateGovernor governor;
    @Inject
    ObjectMapper json;

    @Test
    void backfillSurvivesAKillAndLandsEveryActivityOnceWithoutA429() throws Exception {
        simulator.setClock(Instant.parse("2026-11-02T06:00:00Z"));
        simulator.resetCounters();

        lake.crashAfter(700);
        assertThatThrownBy(() -> coordinator.runOnce("job")).isInstanceOf(SimulatedCrash.class);
        lake.revive();
        assertThat(lake.listAll(LakeLayout.INGEST_MANIFESTS)).as("a killed run publishes no manifest").isEmpty();
        int landedBeforeKill = lake.listAll(LakeLayout.RAW_STRAVA).size();
        assertThat(landedBeforeKill).isBetween(50, 600);
        long detailsBeforeKill = route("GET /api/v3/activities/{id}");

        RunOutcome resumed = coordinator.runOnce("job");
        assertThat(resumed.fatal()).isNull();
        assertThat(resumed.failures()).isEmpty();
        assertThat(resumed.budgetExhausted()).isFalse();

        List<ObjectInfo> activities = lake.listAll("raw/strava/athlete_id=31415926/activities/");
        List<ObjectInfo> streams = lake.listAll("raw/strava/athlete_id=31415926/streams/");
        assertThat(activities).hasSize(500);
        assertThat(streams).hasSize(500);
        int noStreams = 0;
        for (ObjectInfo s : streams) {
            JsonNode envelope = json.readTree(lake.get(s.path()).orElseThrow());
            assertThat(envelope.path("object_id").asLong()).isEqualTo(LakeLayout.objectIdOf(s.path()));
            if (envelope.get("payload").isNull()) {
                noStreams++;
                assertThat(envelope.path("source").asText()).contains("manual activity");
            } else {
                assertThat(envelope.path("payload").path("time").path("data").size()).isPositive();
            }
        }
        int manual = 0;
        for (ObjectInfo a : activities) {
            if (json.readTree(lake.get(a.path()).orElseThrow()).path("payload").path("manual").asBoolean()) {
                manual++;
            }
        }
        assertThat(manual).as("the generator makes manual activities").isGreaterThanOrEqualTo(20);
        assertThat(noStreams).as("manual activities get a 'no streams' envelope").isEqualTo(manual);
        JsonNode detail = json.readTree(lake.get(activities.get(0).path()).orElseThrow());
        assertThat(detail.path("kind").asText()).isEqualTo("activity");
        assertThat(detail.path("payload").path("resource_state").asInt()).isEqualTo(3);

        // every raw object is listed by exactly one manifest as created: the killed run's one was published from its journal
        List<ObjectInfo> manifests = lake.listAll(LakeLayout.INGEST_MANIFESTS);
        assertThat(manifests).hasSize(2);
        Map<String, Integer> created = new HashMap<>();
        for (ObjectInfo m : manifests) {
            for (JsonNode entry : json.readTree(lake.get(m.path()).orElseThrow()).path("objects")) {
                if (entry.path("change").asText().equals("created")) {
                    created.merge(entry.path("path").asText(), 1, Integer::sum);
                }
            }
        }
        Set<String> raw = new HashSet<>();
        lake.listAll(LakeLayout.RAW_STRAVA).forEach(o -> raw.add(o.path()));
        assertThat(created.keySet()).containsAll(raw);
        assertThat(created.values()).allMatch(n -> n == 1);

        JsonNode counters = simulator.counters();
        assertThat(counters.path("too_many_requests").asInt()).isZero();
        assertThat(governor.snapshot().throttled()).isZero();
        assertThat(counters.path("per_window").size()).as("windows used").isGreaterThanOrEqualTo(8);
        counters.path("per_window").forEach(n -> assertThat(n.asInt()).isLessThanOrEqualTo(100));
        long details = route("GET /api/v3/activities/{id}");
        long streamCalls = route("GET /api/v3/activities/{id}/streams");
        assertThat(details).as("details fetched once, at most one again after the kill").isBetween(500L, 501L);
        assertThat(streamCalls).as("streams of recorded activities (manual ones skipped)").isBetween(500L - manual, 501L - manual);
        assertThat(detailsBeforeKill).isLessThan(500);
        long api = counters.path("total").asLong() - route("POST /oauth/token");
        assertThat(api / 500.0).as("requests per activity").isLessThanOrEqualTo(2.01);

        RunOutcome again = coordinator.runOnce("schedule");
        assertThat(again.manifest()).as("nothing changed: no manifest").isNull();
        assertThat(again.objectsChanged()).isZero();
        assertThat(lake.listAll(LakeLayout.INGEST_MANIFESTS)).hasSize(2);
        assertThat(lake.listAll(LakeLayout.state("ingest", "journal/"))).isEmpty();
    }

    private long route(String route) {
        return simulator.counters().path("per_route").path(route).asLong(0);
    }
}
