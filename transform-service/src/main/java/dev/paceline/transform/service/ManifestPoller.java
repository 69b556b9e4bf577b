package dev.paceline.transform.service;

import dev.paceline.transform.config.TransformConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Starts a run when new ingest manifests are waiting (every {@code paceline.transform.poll-interval}). */
@ApplicationScoped
public class ManifestPoller {

    private static final Logger LOG = Logger.getLogger(ManifestPoller.class);

    private final TransformService service;
    private final TransformConfig config;
    private final String mode;

    public ManifestPoller(TransformService service, TransformConfig config,
            @ConfigProperty(name = "paceline.mode", defaultValue = "server") String mode) {
        this.service = service;
        this.config = config;
        this.mode = mode;
    }

    @Scheduled(every = "${paceline.transform.poll-interval:60s}", delayed = "${paceline.transform.poll-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.pollEnabled() || "job".equalsIgnoreCase(mode)) {
            return;
        }
        try {
            if (service.runner().hasNewManifests()) {
                service.runNow(new TransformRunner.Request("poll", null, false, true));
            }
        } catch (RuntimeException e) {
            LOG.errorf("polling for ingest manifests failed: %s", e.getMessage());
        }
    }
}
