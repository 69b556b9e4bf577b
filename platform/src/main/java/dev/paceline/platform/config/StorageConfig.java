package dev.paceline.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Where the lake and the warehouse are; the URI scheme picks the adapter. */
@ConfigMapping(prefix = "paceline")
public interface StorageConfig {

    Lake lake();

    Warehouse warehouse();

    interface Lake {
        /** Lake location: a folder path, file:///abs/path, or gs://bucket/prefix. */
        @WithDefault("./.paceline/lake")
        @WithName("uri")
        String uri();
    }

    interface Warehouse {
        /** Warehouse: duckdb:PATH, duckdb::memory:, or bigquery://PROJECT/DATASET?location=EU. */
        @WithDefault("duckdb:./.paceline/warehouse.duckdb")
        @WithName("uri")
        String uri();
    }
}
