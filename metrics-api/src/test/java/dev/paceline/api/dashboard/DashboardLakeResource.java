package dev.paceline.api.dashboard;

import dev.paceline.api.support.Fixture;
import dev.paceline.api.support.SnapshotWriter;
import dev.paceline.platform.lake.FileLake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@link Fixture} snapshot (build 1) with every weekly metric a real build has, as the dashboard's overview asks
 * for four of them; the API keys of the tests.
 */
public class DashboardLakeResource implements QuarkusTestResourceLifecycleManager {

    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("paceline-dashboard-lake");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SnapshotWriter w = Fixture.build(Fixture.BUILD_1, false);
        String[] weeks = {"2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"};
        for (int i = 0; i < weeks.length; i++) {
            w.row(1, "mart_weekly", weeks[i], "outdoor_elevation_m", 150.5 * i, 300.0, 250.0, 200.0, 100.0, 2L, 2L, 2L, 2L, 2L);
            w.row(1, "mart_weekly", weeks[i], "active_days", (double) (i % 4), 1.5, 1.8, 1.2, 0.6, 3L, 3L, 3L, 3L, 3L);
            w.row(1, "mart_weekly", weeks[i], "outdoor_days", 1.0, 1.0, 1.0, 0.5, 0.3, 1L, 1L, 1L, 1L, 1L);
            w.row(1, "mart_weekly", weeks[i], "long_days", 0.0, 0.0, 0.0, 0.0, 0.0, 1L, 1L, 1L, 1L, 1L);
            w.row(1, "mart_weekly", weeks[i], "longest_outdoor_day_m", 30000.0, 25000.5, 20000.0, 15000.0, 10000.0,
                    1L, 1L, 1L, 1L, 1L);
        }
        w.publish(new FileLake(root));
        return Map.of(
                "paceline.lake.uri", root.toString(),
                "paceline.api.keys.hashed", Fixture.hashedKeys(),
                "paceline.api.keys.local", Fixture.LOCAL_KEY,
                "paceline.api.snapshot.poll-interval", "1h");
    }

    @Override
    public void stop() {
        if (root == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder: best effort
        }
    }
}
