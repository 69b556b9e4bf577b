package dev.paceline.platform.config;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.Warehouses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * CDI producers shared by the services: the {@link Lake} and the {@link Warehouse} chosen by their URIs. Both URIs
 * are parsed at start-up, so a malformed one stops the service with a message naming the key and the accepted forms;
 * the adapters themselves open on first use (metrics-api never opens a warehouse).
 */
@ApplicationScoped
public class StorageProducer {

    private final StorageConfig config;

    public StorageProducer(StorageConfig config) {
        this.config = config;
    }

    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LakeUri.parse(config.lake().uri());
        WarehouseUri.parse(config.warehouse().uri());
    }

    @Produces
    @ApplicationScoped
    Lake lake() {
        return Lakes.open(LakeUri.parse(config.lake().uri()));
    }

    void closeLake(@Disposes Lake lake) {
        lake.close();
    }

    @Produces
    @ApplicationScoped
    Warehouse warehouse(Lake lake) {
        return Warehouses.open(WarehouseUri.parse(config.warehouse().uri()), lake);
    }

    void closeWarehouse(@Disposes Warehouse warehouse) {
        warehouse.close();
    }
}
