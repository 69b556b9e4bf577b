package dev.paceline.transform.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A fresh lake folder per test class, given to the app as paceline.lake.uri. */
public class TempStorageResource implements QuarkusTestResourceLifecycleManager {

    static Path lakeDir;

    @Override
    public Map<String, String> start() {
        try {
            lakeDir = Files.createTempDirectory("transform-lake-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("paceline.lake.uri", lakeDir.toString());
    }

    @Override
    public void stop() {
    }
}
