package dev.paceline.ingest.health;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the lake answers a listing of the ingest state. */
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
            return HealthCheckResponse.named("lake").up().withData("uri", lake.rootUri()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("lake").down().withData("uri", lake.rootUri())
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
