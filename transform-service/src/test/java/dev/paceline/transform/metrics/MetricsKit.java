package dev.paceline.transform.metrics;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.LakeFixture;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.engine.ModelCatalog;
import dev.paceline.transform.stats.StreamStatistics;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.service.TransformRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.IntToDoubleFunction;

/**
 * The shipped models with the stream-statistics Java models on an in-memory DuckDB over a temp FileLake, with the
 * athlete_settings seed replaced by the test's own rows.
 */
final class MetricsKit implements AutoCloseable {

    static final String SETTINGS_HEADER = "athlete_id:INT64,setting:STRING,valid_from:DATE,value:STRING\n";

    final FileLake lake;
    final Warehouse warehouse;
    final LakeFixture fixture;
    final TransformRunner runner;

    MetricsKit(Path dir, String... settingsRows) {
        try {
            Path seeds = Files.createDirectories(dir.resolve("seeds"));
            Files.writeString(seeds.resolve("athlete_settings.csv"), SETTINGS_HEADER + String.join("\n", settingsRows)
                    + (settingsRows.length > 0 ? "\n" : ""));
            this.lake = new FileLake(dir.resolve("lake"));
            this.warehouse = new DuckDbWarehouse(null, lake);
            this.fixture = new LakeFixture(lake);
            List<JavaModel> java = javaModels();
            ModelGraph graph = ModelCatalog.load("models", MetricsKit.class.getClassLoader(), Optional.of(seeds), java);
            this.runner = new TransformRunner(lake, warehouse, graph, SqlDialect.of(warehouse.dialect()), java, Json.MAPPER,
                    Clock.systemUTC(), new TransformRunner.Settings(3, Duration.ofMinutes(5), 1000, 1, "test"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JavaModel> javaModels() {
        return List.of(new StreamStatistics());
    }

    RunReport run() {
        RunReport r = runner.run(runner.newId(), new TransformRunner.Request("test", null, false, false), x -> { });
        if (!"succeeded".equals(r.status())) {
            throw new AssertionError("build " + r.status() + ": " + r.error() + "\n" + r.tests().stream()
                    .filter(t -> !t.status().equals("pass") && !t.status().equals("warn")).toList());
        }
        return r;
    }

    List<Map<String, Object>> query(String sql) {
        return warehouse.query(sql);
    }

    Map<String, Object> one(String sql) {
        List<Map<String, Object>> rows = query(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + ": " + sql + " -> " + rows);
        }
        return rows.get(0);
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Override
    public void close() {
        warehouse.close();
        lake.close();
    }

    /** A summary activity payload. */
    static String activity(long id, String name, String sportType, String startLocal, double distance, int moving, int elapsed,
            boolean deviceWatts, Integer workoutType) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"type\":\"" + sportType + "\",\"sport_type\":\"" + sportType
                + "\",\"trainer\":false,\"start_date\":\"" + startLocal + "\",\"start_date_local\":\"" + startLocal
                + "\",\"timezone\":\"(GMT+00:00) Europe/London\",\"distance\":" + distance + ",\"moving_time\":" + moving
                + ",\"elapsed_time\":" + elapsed + ",\"total_elevation_gain\":10.0,\"device_watts\":" + deviceWatts
                + ",\"has_heartrate\":true,\"workout_type\":" + workoutType + "}";
    }

    /** A streams payload on the given sample times; a null function leaves that stream out. */
    static String streams(int[] times, IntToDoubleFunction watts, IntToDoubleFunction hr, IntToDoubleFunction speed,
            IntToDoubleFunction distance) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"time\":{\"data\":").append(series(times, t -> t, true)).append('}');
        if (watts != null) {
            b.append(",\"watts\":{\"data\":").append(series(times, watts, true)).append('}');
        }
        if (hr != null) {
            b.append(",\"heartrate\":{\"data\":").append(series(times, hr, true)).append('}');
        }
        if (speed != null) {
            b.append(",\"velocity_smooth\":{\"data\":").append(series(times, speed, false)).append('}');
        }
        if (distance != null) {
            b.append(",\"distance\":{\"data\":").append(series(times, distance, false)).append('}');
        }
        return b.append('}').toString();
    }

    private static String series(int[] times, IntToDoubleFunction f, boolean integer) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        for (int i = 0; i < times.length; i++) {
            double v = f.applyAsDouble(times[i]);
            j.add(integer && v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v));
        }
        return j.toString();
    }

    /** Sample times 0..n-1. */
    static int[] seconds(int n) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return t;
    }

    static String resource(String name) {
        try (InputStream in = MetricsKit.class.getResourceAsStream("/metrics/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /metrics/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
