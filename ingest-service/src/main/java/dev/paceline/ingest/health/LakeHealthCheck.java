package dev.paceline.ingest.health;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the lake answers a listing of the ingest state. The payload names no lake URI or bucket, and a failure
 * only its kind: the cause goes to the log.
 */
@Readiness
@ApplicationScoped
public class LakeHealthCheck implements HealthCheck {

    private final Lake lake;

    public LakeHealthCheck(Lake lake) {
        this.lake = lake;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            lake.list(LakeLayout.state("ingest", ""), null, 1);
            return HealthCheckResponse.named("lake").up().withData("lake", "reachable").build();
        } catch (RuntimeException e) {
            Log.warnf("readiness: the lake is unreachable: %s", e.getMessage());
            return HealthCheckResponse.named("lake").down()
                    .withData("lake", "unreachable (" + e.getClass().getSimpleName() + "; see the log)").build();
        }
    }
}
