package dev.paceline.transform.config;

import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.config.WarehouseUri;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.Warehouses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lake and the warehouse named by {@code paceline.lake.uri} and {@code paceline.warehouse.uri} (the platform's
 * adapters; see DESIGN.md "Configuration"). A malformed URI fails with a message naming the key and accepted forms.
 */
@ApplicationScoped
public class StorageProducer {

    private final String lakeUri;
    private final String warehouseUri;

    public StorageProducer(
            @ConfigProperty(name = LakeUri.KEY, defaultValue = "./.paceline/lake") String lakeUri,
            @ConfigProperty(name = WarehouseUri.KEY, defaultValue = "duckdb:./.paceline/warehouse.duckdb") String warehouseUri) {
        this.lakeUri = lakeUri;
        this.warehouseUri = warehouseUri;
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
