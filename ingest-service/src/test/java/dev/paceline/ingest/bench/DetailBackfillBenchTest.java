package dev.paceline.ingest.bench;

import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.sim.Simulator;
import dev.paceline.ingest.testresource.SimulatorResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Full backfill with details (the default): budget 2.01 requests per activity. */
@Tag("bench")
@QuarkusTest
@QuarkusTestResource(value = SimulatorResource.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "simulator.generator.activities", value = "" + BackfillBench.ACTIVITIES)})
class DetailBackfillBenchTest {

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
        BackfillBench.run("details", coordinator, simulator, governor, config, 2.01);
    }
}
