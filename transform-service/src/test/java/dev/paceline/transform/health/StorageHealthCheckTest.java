package dev.paceline.transform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.config.TransformConfig;
import dev.paceline.transform.service.RunRegistry;
import jakarta.inject.Provider;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageHealthCheckTest {

    private static final String SECRET_LOCATION = "gs://paceline-prod-lake/lake";

    @TempDir
    Path root;

    private static <T> T failingProxy(Class<T> type, String message) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("toString")) {
                return type.getSimpleName();
            }
            throw new IllegalStateException(message);
        }));
    }

    private static RunRegistry runs() {
        TransformConfig config = (TransformConfig) Proxy.newProxyInstance(TransformConfig.class.getClassLoader(),
                new Class<?>[] {TransformConfig.class}, (p, m, a) -> m.getName().equals("runHistory") ? 5 : null);
        return new RunRegistry(config);
    }

    private static Map<String, Object> data(HealthCheckResponse r) {
        return r.getData().orElse(Map.of());
    }

    @Test
    void aDuckDbWarehouseIsNeverOpenedByTheProbe() {
        Provider<Warehouse> untouchable = () -> {
            throw new AssertionError("the readiness probe opened the DuckDB warehouse");
        };
        HealthCheckResponse r = new StorageHealthCheck(new FileLake(root), untouchable, runs(), true).call();
        assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data(r)).containsEntry("lake", "reachable").containsEntry("warehouse", "duckdb")
                .containsEntry("warehouse_probe", "skipped: one process per DuckDB file");
        assertThat(data(r).toString()).doesNotContain(root.toString());
    }

    @Test
    void failuresNameTheirKindButNoLakeLocation() {
        Lake broken = failingProxy(Lake.class, "cannot list " + SECRET_LOCATION + "/manifests/ingest/");
        HealthCheckResponse lakeDown = new StorageHealthCheck(broken, () -> null, runs(), true).call();
        assertThat(lakeDown.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(lakeDown)).containsEntry("lake", "unreachable (IllegalStateException; see the log)");
        assertThat(data(lakeDown).toString()).doesNotContain("paceline-prod-lake");

        Warehouse bigQuery = failingProxy(Warehouse.class, "dataset paceline-prod:paceline not found");
        HealthCheckResponse warehouseDown = new StorageHealthCheck(new FileLake(root), () -> bigQuery, runs(), false).call();
        assertThat(warehouseDown.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(data(warehouseDown)).containsEntry("warehouse", "unreachable (IllegalStateException; see the log)");
        assertThat(data(warehouseDown).toString()).doesNotContain("paceline-prod");
    }
}
