package dev.paceline.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.service.RunOutcome;
import dev.paceline.ingest.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Shared body of the backfill benchmarks: one full backfill on the simulator's clock under Strava's default limits. */
final class BackfillBench {

    static final int ACTIVITIES = 1000;

    private BackfillBench() {
    }

    static void run(String mode, IngestCoordinator coordinator, Simulator simulator, RateGovernor governor,
            IngestConfig config, double budget) throws IOException {
        Instant simStart = Instant.parse("2026-11-02T06:00:00Z");
        simulator.setClock(simStart);
        simulator.resetCounters();
        long wallStart = System.nanoTime();
        RunOutcome outcome = coordinator.runOnce("backfill");
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        JsonNode counters = simulator.counters();
        long oauth = counters.path("per_route").path("POST /oauth/token").asLong(0);
        long api = counters.path("total").asLong() - oauth;
        int windows = counters.path("per_window").size();
        double perActivity = api / (double) ACTIVITIES;
        String report = String.format(Locale.ROOT, """
                ingest backfill benchmark (%s mode, paceline.ingest.details=%s)
                  activities                 %d
                  Strava API requests        %d  (plus %d OAuth token calls, not rate-limited)
                  requests per activity      %.4f  (budget %.2f)
                  15-minute windows used     %d
                  simulated duration         %s -> %s
                  429 answers received       %d
                  per route                  %s
                  run failures               %d
                  wall time                  %.1f s
                """, mode, config.details(), ACTIVITIES, api, oauth, perActivity, budget, windows, simStart,
                simulator.now(), counters.path("too_many_requests").asInt(), counters.path("per_route"),
                outcome.failures().size(), wallSeconds);
        System.out.println(report);
        Path out = Path.of("target", "bench", "ingest-" + mode + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(outcome.failures()).isEmpty();
        assertThat(counters.path("too_many_requests").asInt()).isZero();
        assertThat(governor.snapshot().throttled()).isZero();
        assertThat(perActivity).isLessThanOrEqualTo(budget);
    }
}
