package dev.paceline.platform.warehouse;

import dev.paceline.platform.config.WarehouseUri;
import dev.paceline.platform.lake.Lake;

/** Opens the {@link Warehouse} a {@link WarehouseUri} names. */
public final class Warehouses {

    private Warehouses() {
    }

    /** A {@link DuckDbWarehouse} for {@code duckdb:}, a BigQuery warehouse for {@code bigquery://}. */
    public static Warehouse open(WarehouseUri uri, Lake lake) {
        if (uri instanceof WarehouseUri.DuckDb duck) {
            return new DuckDbWarehouse(duck.file(), lake);
        }
        if (uri instanceof WarehouseUri.BigQuery) {
            throw new UnsupportedOperationException(WarehouseUri.KEY + "=" + uri
                    + ": the BigQuery adapter is not yet available in this build; use duckdb:PATH");
        }
        throw new IllegalArgumentException("unsupported warehouse URI " + uri);
    }
}
