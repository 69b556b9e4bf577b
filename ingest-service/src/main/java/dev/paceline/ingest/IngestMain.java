package dev.paceline.ingest;

import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.importer.ImportJob;
import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.service.RunOutcome;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

/**
 * Entry point. Service mode (default) serves HTTP, the schedule and webhooks until stopped. Job mode
 * ({@code PACELINE_MODE=job}) runs once and exits: 0 when done or when the rate budget ran out with the checkpoint
 * saved, 1 on a failure that stopped the run, 2 when some athletes or activities failed. Import mode
 * ({@code PACELINE_MODE=import}) imports PACELINE_IMPORT_URI once and exits with {@link ImportJob}'s code.
 */
@QuarkusMain
public class IngestMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(IngestMain.class);

    private final IngestConfig config;
    private final IngestCoordinator coordinator;
    private final ImportJob importJob;

    public IngestMain(IngestConfig config, IngestCoordinator coordinator, ImportJob importJob) {
        this.config = config;
        this.coordinator = coordinator;
        this.importJob = importJob;
    }

    public static void main(String... args) {
        Quarkus.run(IngestMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (!config.jobMode()) {
            Quarkus.waitForExit();
            return 0;
        }
        if (config.importMode()) {
            return importJob.run();
        }
        return exitCode(coordinator.runOnce("job", config.jobMaxWait()));
    }

    static int exitCode(RunOutcome outcome) {
        if (outcome.fatal() != null) {
            LOG.errorf("ingest job failed: %s", outcome.fatal());
            return 1;
        }
        if (outcome.budgetExhausted()) {
            LOG.infof("ingest job stopped at the rate budget with its checkpoint saved; run it again after %s", outcome.nextWindow());
        }
        if (!outcome.failures().isEmpty()) {
            outcome.failures().forEach(f -> LOG.errorf("ingest job failure: %s", f));
            return 2;
        }
        return 0;
    }
}
