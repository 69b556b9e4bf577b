package dev.paceline.ingest.bench;

import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.sim.Simulator;
import dev.paceline.ingest.testresource.SimulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Full backfill in lean mode (paceline.ingest.details=false): budget 1.01 requests per activity. */
@Tag("bench")
@QuarkusTest
@TestProfile(LeanBackfillBenchTest.Lean.class)
@QuarkusTestResource(value = SimulatorResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "simulator.generator.activities", value = "" + BackfillBench.ACTIVITIES)})
class LeanBackfillBenchTest {

    public static class Lean implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paceline.ingest.details", "false");
        }
    }

    @Inject
    IngestCoordinator coordinator;
    @Inject
    Simulator simulator;
    @Inject
    RateGovernor governor;
    @Inject
    IngestConfig config;

    @Test
    void backfill() throws Exception {
        BackfillBench.run("lean", coordinator, simulator, governor, config, 1.01);
    }
}
