package dev.paceline.platform.warehouse;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.paceline.platform.config.WarehouseUri;
import dev.paceline.platform.lake.Lake;

/** Opens the {@link Warehouse} a {@link WarehouseUri} names. */
public final class Warehouses {

    private Warehouses() {
    }

    /**
     * A {@link DuckDbWarehouse} for {@code duckdb:}; a {@link BigQueryWarehouse} for {@code bigquery://} (credentials
     * from Application Default Credentials, retry settings from the client's defaults; loads and exports need a GCS lake).
     */
    public static Warehouse open(WarehouseUri uri, Lake lake) {
        if (uri instanceof WarehouseUri.DuckDb duck) {
            return new DuckDbWarehouse(duck.file(), lake);
        }
        if (uri instanceof WarehouseUri.BigQuery bq) {
            BigQuery client;
            try {
                client = BigQueryOptions.newBuilder().setProjectId(bq.project()).setLocation(bq.location())
                        .build().getService();
            } catch (RuntimeException e) {
                throw new WarehouseException("cannot create the BigQuery client for " + WarehouseUri.KEY + "=" + uri
                        + ": " + e.getMessage() + ". Provide Application Default Credentials (GKE Workload Identity, or"
                        + " GOOGLE_APPLICATION_CREDENTIALS pointing at a service-account key)", e);
            }
            return new BigQueryWarehouse(client, bq.project(), bq.dataset(), bq.location(), lake);
        }
        throw new IllegalArgumentException("unsupported warehouse URI " + uri);
    }
}
