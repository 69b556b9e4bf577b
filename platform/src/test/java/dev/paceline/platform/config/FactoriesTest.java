package dev.paceline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

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
}
