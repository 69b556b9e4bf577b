package dev.paceline.platform.config;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.Warehouses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CDI producer of the {@link Warehouse} chosen by {@value WarehouseUri#KEY}, for the services that carry this jar
 * (the transform-service). The URI and the DuckDB memory limit are checked at start-up, so a malformed value stops
 * the service with a message naming the key and the accepted forms; the adapter itself opens on first use.
 *
 * <p>Plain {@code @ConfigProperty} keys for the same reason as {@link StorageProducer}.
 */
@ApplicationScoped
public class WarehouseProducer {

    static final String DEFAULT_WAREHOUSE = "duckdb:./.paceline/warehouse.duckdb";

    /** DuckDB's memory limit, e.g. {@code 2GB}; unset: DuckDB's default (80 % of the memory it sees). */
    public static final String DUCKDB_MEMORY_LIMIT_KEY = "paceline.warehouse.duckdb-memory-limit";

    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private final String warehouseUri;
    private final Optional<String> duckDbMemoryLimit;

    public WarehouseProducer(
            @ConfigProperty(name = WarehouseUri.KEY, defaultValue = DEFAULT_WAREHOUSE) String warehouseUri,
            @ConfigProperty(name = DUCKDB_MEMORY_LIMIT_KEY) Optional<String> duckDbMemoryLimit) {
        this.warehouseUri = warehouseUri;
        this.duckDbMemoryLimit = duckDbMemoryLimit.map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The {@code SET memory_limit} statement for a configured limit.
     *
     * @throws IllegalArgumentException naming the key and the accepted form, for a value DuckDB would not take
     */
    static String memoryLimitStatement(String value) {
        if (!MEMORY.matcher(value).matches()) {
            throw new IllegalArgumentException(DUCKDB_MEMORY_LIMIT_KEY + "='" + value + "' is not a memory size; write a number "
                    + "and a unit, e.g. 2GB or 1536MiB (env PACELINE_WAREHOUSE_DUCKDB_MEMORY_LIMIT)");
        }
        return "SET memory_limit = '" + value + "'";
    }

    /** CDI's {@link Startup} event fires at run time (with runtime config), not during a native image's static init. */
    void validateAtStartup(@Observes Startup ignored) {
        WarehouseUri.parse(warehouseUri);
        duckDbMemoryLimit.ifPresent(WarehouseProducer::memoryLimitStatement);
    }

    @Produces
    @ApplicationScoped
    Warehouse warehouse(Lake lake) {
        Warehouse warehouse = Warehouses.open(WarehouseUri.parse(warehouseUri), lake);
        if (warehouse instanceof DuckDbWarehouse && duckDbMemoryLimit.isPresent()) {
            warehouse.execute(memoryLimitStatement(duckDbMemoryLimit.get()));
        }
        return warehouse;
    }

    void closeWarehouse(@Disposes Warehouse warehouse) {
        warehouse.close();
    }
}
