package dev.paceline.api.support;

import dev.paceline.platform.lake.FileLake;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A temporary folder lake holding {@link Fixture} build 1, and the API keys of the tests. */
public class SnapshotLakeResource implements QuarkusTestResourceLifecycleManager {

    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("paceline-api-lake");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Fixture.build(Fixture.BUILD_1, false).publish(new FileLake(root));
        return Map.of(
                "paceline.lake.uri", root.toString(),
                "paceline.api.keys.hashed", Fixture.hashedKeys(),
                "paceline.api.keys.local", Fixture.LOCAL_KEY,
                "paceline.api.snapshot.poll-interval", "1h");
    }

    /** The lake root, for tests that publish new builds or simulate an outage. */
    public static Path root(Map<String, String> config) {
        return Path.of(config.get("paceline.lake.uri"));
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
