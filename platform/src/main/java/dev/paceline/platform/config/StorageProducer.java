package dev.paceline.platform.config;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.Warehouses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
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

    private final String lakeUri;
    private final String warehouseUri;

    public StorageProducer(
            @ConfigProperty(name = LakeUri.KEY, defaultValue = DEFAULT_LAKE) String lakeUri,
            @ConfigProperty(name = WarehouseUri.KEY, defaultValue = DEFAULT_WAREHOUSE) String warehouseUri) {
        this.lakeUri = lakeUri;
        this.warehouseUri = warehouseUri;
    }

    /** CDI's {@link Startup} event fires at run time (with runtime config), not during a native image's static init. */
    void validateAtStartup(@Observes Startup ignored) {
        LakeUri.parse(lakeUri);
        WarehouseUri.parse(warehouseUri);
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
        return Warehouses.open(WarehouseUri.parse(warehouseUri), lake);
    }

    void closeWarehouse(@Disposes Warehouse warehouse) {
        warehouse.close();
    }
}
