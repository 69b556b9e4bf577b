package dev.paceline.transform;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.engine.ModelCatalog;
import dev.paceline.transform.stats.StreamStatistics;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.service.TransformRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A FileLake in a temp folder, an in-memory DuckDB and a runner over a model folder. */
public final class Harness implements AutoCloseable {

    public final FileLake lake;
    public final Warehouse warehouse;
    public final LakeFixture fixture;
    public final ModelGraph graph;
    public final TransformRunner runner;

    public Harness(Path dir, String modelsRoot) {
        this(dir, modelsRoot, null, modelsRoot.equals("models") ? shippedJavaModels() : List.of());
    }

    /** The Java models the shipped SQL models ref() (CDI registers the same beans in the app). */
    public static List<JavaModel> shippedJavaModels() {
        return List.of(new StreamStatistics());
    }

    public Harness(Path dir, String modelsRoot, Warehouse wrapped, List<JavaModel> javaModels) {
        this(dir, modelsRoot, wrapped, javaModels, Set.of());
    }

    /** The shipped models with the opt-in per-sample staging model {@code stg_strava__streams} turned on. */
    public static Harness withStreamSamples(Path dir) {
        return new Harness(dir, "models", null, shippedJavaModels(), Set.of("stg_strava__streams"));
    }

    /** @param enable opt-in models to build ({@code paceline.transform.enable-models}) */
    public Harness(Path dir, String modelsRoot, Warehouse wrapped, List<JavaModel> javaModels, Set<String> enable) {
        this.lake = new FileLake(dir.resolve("lake"));
        this.warehouse = wrapped != null ? wrapped : new DuckDbWarehouse(null, lake);
        this.fixture = new LakeFixture(lake);
        this.graph = ModelCatalog.load(modelsRoot, Harness.class.getClassLoader(), Optional.empty(), javaModels, enable);
        this.runner = new TransformRunner(lake, warehouse, graph, SqlDialect.of(warehouse.dialect()), javaModels, Json.MAPPER,
                Clock.systemUTC(), new TransformRunner.Settings(3, Duration.ofMinutes(5), 1000, 1, "test"));
    }

    public RunReport run() {
        return run(null, false);
    }

    public RunReport run(String selection, boolean fullRefresh) {
        return runner.run(runner.newId(), new TransformRunner.Request("test", selection, fullRefresh, false), r -> { });
    }

    public List<Map<String, Object>> query(String sql) {
        return warehouse.query(sql);
    }

    public long count(String table) {
        return ((Number) query("SELECT COUNT(*) AS n FROM " + table).get(0).get("n")).longValue();
    }

    @Override
    public void close() {
        warehouse.close();
        lake.close();
    }
}
