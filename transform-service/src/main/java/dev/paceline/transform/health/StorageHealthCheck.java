package dev.paceline.transform.health;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.service.RunRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the lake answers a listing and the warehouse a query; reports the last run and the live build. */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

    private final Lake lake;
    private final Warehouse warehouse;
    private final RunRegistry runs;

    public StorageHealthCheck(Lake lake, Warehouse warehouse, RunRegistry runs) {
        this.lake = lake;
        this.warehouse = warehouse;
        this.runs = runs;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("transform-storage");
        try {
            lake.list(LakeLayout.INGEST_MANIFESTS, null, 1);
            response.withData("lake", lake.rootUri());
            lake.get(LakeLayout.SERVING_CURRENT).ifPresent(b -> response.withData("live_build",
                    new String(b, java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return response.down().withData("lake", "unreachable: " + e.getMessage()).build();
        }
        try {
            warehouse.query("SELECT 1 AS ok");
            response.withData("warehouse", warehouse.dialect().name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            return response.down().withData("warehouse", "unreachable: " + e.getMessage()).build();
        }
        runs.all().stream().findFirst().map(RunReport::status).ifPresent(s -> response.withData("last_run", s));
        return response.up().build();
    }
}
