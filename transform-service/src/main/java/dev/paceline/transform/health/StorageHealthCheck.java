package dev.paceline.transform.health;

import dev.paceline.platform.config.WarehouseUri;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.service.RunRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the lake answers a listing and, on BigQuery, the warehouse a query; reports the last run and the live
 * build. A DuckDB warehouse is never opened by the probe: DuckDB takes one writing process per file, and a probe that
 * opened it would hold the file against the build. The payload names no lake URI, bucket or path, and failures show
 * only their kind (the cause goes to the log).
 */
@Readiness
@ApplicationScoped
public class StorageHealthCheck implements HealthCheck {

    private final Lake lake;
    private final Provider<Warehouse> warehouse;
    private final RunRegistry runs;
    private final boolean duckDb;

    @Inject
    public StorageHealthCheck(Lake lake, Provider<Warehouse> warehouse, RunRegistry runs,
            @ConfigProperty(name = WarehouseUri.KEY) Optional<String> warehouseUri) {
        this(lake, warehouse, runs, warehouseUri.map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> u.startsWith("duckdb:")).orElse(true));
    }

    StorageHealthCheck(Lake lake, Provider<Warehouse> warehouse, RunRegistry runs, boolean duckDb) {
        this.lake = lake;
        this.warehouse = warehouse;
        this.runs = runs;
        this.duckDb = duckDb;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("transform-storage");
        try {
            lake.list(LakeLayout.INGEST_MANIFESTS, null, 1);
            response.withData("lake", "reachable");
            lake.get(LakeLayout.SERVING_CURRENT).ifPresent(b -> response.withData("live_build",
                    new String(b, StandardCharsets.UTF_8).strip()));
        } catch (RuntimeException e) {
            Log.warnf("readiness: the lake is unreachable: %s", e.getMessage());
            return response.down().withData("lake", "unreachable (" + e.getClass().getSimpleName() + "; see the log)").build();
        }
        if (duckDb) {
            response.withData("warehouse", "duckdb").withData("warehouse_probe", "skipped: one process per DuckDB file");
        } else {
            try {
                warehouse.get().query("SELECT 1 AS ok");
                response.withData("warehouse", "bigquery");
            } catch (RuntimeException e) {
                Log.warnf("readiness: the warehouse is unreachable: %s", e.getMessage());
                return response.down().withData("warehouse", "unreachable (" + e.getClass().getSimpleName()
                        + "; see the log)").build();
            }
        }
        runs.all().stream().findFirst().map(RunReport::status).ifPresent(s -> response.withData("last_run", s));
        return response.up().build();
    }
}
