package dev.paceline.platform.config;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
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
 * CDI producers shared by the services: the {@link Lake} and the {@link Warehouse} chosen by their URIs
 * ({@value LakeUri#KEY}, {@value WarehouseUri#KEY}). Both URIs are parsed at start-up, so a malformed one stops the
 * service with a message naming the key and the accepted forms; the adapters themselves open on first use
 * (metrics-api and ingest-service never open a warehouse).
 *
 * <p>Plain {@code @ConfigProperty} keys rather than a {@code @ConfigMapping} on the {@code paceline} prefix: a mapping
 * of the whole prefix would claim every service's own {@code paceline.*} keys as unknown.
 */
@ApplicationScoped
public class StorageProducer {

    static final String DEFAULT_LAKE = "./.paceline/lake";
    static final String DEFAULT_WAREHOUSE = "duckdb:./.paceline/warehouse.duckdb";

    /** DuckDB's memory limit, e.g. {@code 2GB}; unset: DuckDB's default (80 % of the memory it sees). */
    public static final String DUCKDB_MEMORY_LIMIT_KEY = "paceline.warehouse.duckdb-memory-limit";

    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    private final String lakeUri;
    private final String warehouseUri;
    private final Optional<String> duckDbMemoryLimit;

    public StorageProducer(
            @ConfigProperty(name = LakeUri.KEY, defaultValue = DEFAULT_LAKE) String lakeUri,
            @ConfigProperty(name = WarehouseUri.KEY, defaultValue = DEFAULT_WAREHOUSE) String warehouseUri,
            @ConfigProperty(name = DUCKDB_MEMORY_LIMIT_KEY) Optional<String> duckDbMemoryLimit) {
        this.lakeUri = lakeUri;
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
        LakeUri.parse(lakeUri);
        WarehouseUri.parse(warehouseUri);
        duckDbMemoryLimit.ifPresent(StorageProducer::memoryLimitStatement);
    }

    @Produces
    @ApplicationScoped
    Lake lake() {
        return Lakes.open(LakeUri.parse(lakeUri));
    }

    void closeLake(@Disposes Lake lake) {
        lake.close();
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
