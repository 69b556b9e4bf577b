package dev.paceline.api.dashboard;

import dev.paceline.api.support.Fixture;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A lake the transform has not published to yet: no serving/CURRENT. */
public class EmptyLakeResource implements QuarkusTestResourceLifecycleManager {

    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("paceline-dashboard-empty-lake");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "paceline.lake.uri", root.toString(),
                "paceline.api.keys.hashed", Fixture.hashedKeys(),
                "paceline.api.snapshot.poll-interval", "1h");
    }

    @Override
    public void stop() {
        try {
            Files.deleteIfExists(root);
        } catch (IOException e) {
            // temp folder: best effort
        }
    }
}
