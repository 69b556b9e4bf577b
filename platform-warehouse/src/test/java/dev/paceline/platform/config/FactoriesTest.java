package dev.paceline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import dev.paceline.platform.warehouse.Dialect;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.Warehouses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URI picks the adapter: the embedded defaults open with no cloud account. */
class FactoriesTest {

    @TempDir
    Path dir;

    @Test
    void folderAndDuckDbUrisOpenTheEmbeddedAdapters() {
        Lake lake = Lakes.open(LakeUri.parse("file://" + dir.resolve("lake")));
        assertThat(lake).isInstanceOf(FileLake.class);
        assertThat(Files.isDirectory(dir.resolve("lake"))).isTrue();
        try (Warehouse wh = Warehouses.open(WarehouseUri.parse("duckdb:" + dir.resolve("wh/w.duckdb")), lake)) {
            assertThat(wh).isInstanceOf(DuckDbWarehouse.class);
            assertThat(wh.dialect()).isEqualTo(Dialect.DUCKDB);
            assertThat(wh.query("SELECT 1 AS one")).containsExactly(Map.of("one", 1L));
        }
        assertThat(Files.exists(dir.resolve("wh/w.duckdb"))).isTrue();
        try (Warehouse mem = Warehouses.open(WarehouseUri.parse("duckdb::memory:"), lake)) {
            assertThat(mem.query("SELECT 2 AS two")).containsExactly(Map.of("two", 2L));
        }
    }

    @Test
    void aConfiguredDuckDbMemoryLimitIsSetAndABadOneNamesTheKey() {
        Lake lake = Lakes.open(LakeUri.parse("file://" + dir.resolve("lake")));
        WarehouseProducer producer = new WarehouseProducer("duckdb::memory:", Optional.of(" 512MiB "));
        producer.validateAtStartup(null);
        try (Warehouse wh = producer.warehouse(lake)) {
            assertThat(wh.query("SELECT current_setting('memory_limit') AS m")).containsExactly(Map.of("m", "512.0 MiB"));
        }
        WarehouseProducer bad = new WarehouseProducer("duckdb::memory:", Optional.of("lots"));
        assertThatThrownBy(() -> bad.validateAtStartup(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paceline.warehouse.duckdb-memory-limit='lots' is not a memory size")
                .hasMessageContaining("PACELINE_WAREHOUSE_DUCKDB_MEMORY_LIMIT");
    }
}
