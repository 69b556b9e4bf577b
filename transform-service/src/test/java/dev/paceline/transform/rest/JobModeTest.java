package dev.paceline.transform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.transform.LakeFixture;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PACELINE_MODE=job: one run over the new manifests, then exit with the run's outcome. */
@QuarkusMainTest
@TestProfile(JobModeTest.JobProfile.class)
class JobModeTest {

    static final Path LAKE;

    static {
        try {
            LAKE = Files.createTempDirectory("transform-job-lake-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class JobProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("paceline.mode", "job", "paceline.lake.uri", LAKE.toString(), "paceline.warehouse.uri", "duckdb::memory:");
        }
    }

    @Test
    void jobModeRunsOnceAndExitsZeroAfterPublishing(QuarkusMainLauncher launcher) {
        FileLake lake = new FileLake(LAKE);
        new LakeFixture(lake).putAthlete(3, "{\"id\":3}")
                .putActivity(3, 30, LakeFixture.activity(30, "Evening Ride", "Ride", false, "2026-11-24T18:00:00Z", 25000, 3000, 3100))
                .manifest();
        LaunchResult result = launcher.launch();
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        String build = new String(lake.get(LakeLayout.SERVING_CURRENT).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(lake.stat(LakeLayout.buildManifest(build))).isPresent();
        assertThat(result.getOutput() + result.getErrorOutput()).contains("transform run " + build + " succeeded");
    }
}
