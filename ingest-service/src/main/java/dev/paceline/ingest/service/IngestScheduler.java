package dev.paceline.ingest.service;

import dev.paceline.ingest.config.IngestConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;

/** Service mode: the daily sync by cron and the webhook queue by a short poll. Job mode runs neither. */
@ApplicationScoped
public class IngestScheduler {

    private final IngestCoordinator coordinator;

    public IngestScheduler(IngestCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Scheduled(identity = "ingest-sync", cron = "${paceline.ingest.schedule}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobMode.class)
    void scheduledSync() {
        coordinator.runOnce("schedule");
    }

    @Scheduled(identity = "ingest-webhooks", every = "${paceline.ingest.webhook-poll}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobMode.class)
    void webhookQueue() {
        coordinator.processWebhooks();
    }

    /** Skips scheduled work in job mode (PACELINE_MODE=job): the job runs once from the main. */
    @Singleton
    public static class JobMode implements Scheduled.SkipPredicate {

        private final IngestConfig config;

        public JobMode(IngestConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return config.jobMode();
        }
    }
}
