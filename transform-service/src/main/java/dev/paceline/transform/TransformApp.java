package dev.paceline.transform;

import dev.paceline.transform.config.TransformConfig;
import dev.paceline.transform.service.TransformRunner;
import dev.paceline.transform.service.TransformService;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Entry point. {@code PACELINE_MODE=job}: one run (new manifests, every model), then exit 0 on success or when there
 * was nothing to do, 1 on failure, 2 when another run holds the lease — for a Kubernetes CronJob. Otherwise the
 * service stays up (REST API and poller).
 */
@QuarkusMain
public class TransformApp implements QuarkusApplication {

    @Inject
    TransformService service;

    @ConfigProperty(name = "paceline.mode", defaultValue = "server")
    String mode;

    @Inject
    TransformConfig config;

    public static void main(String... args) {
        Quarkus.run(TransformApp.class, args);
    }

    @Override
    public int run(String... args) {
        if (!"job".equalsIgnoreCase(mode)) {
            Quarkus.waitForExit();
            return 0;
        }
        RunReport report = service.runNow(new TransformRunner.Request("job", config.jobSelection().orElse(null),
                false, false));
        return switch (report.status()) {
            case "succeeded", "skipped" -> 0;
            case "rejected" -> 2;
            default -> 1;
        };
    }
}
