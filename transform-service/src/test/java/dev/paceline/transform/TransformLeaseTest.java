package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.transform.service.TransformRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformLeaseTest {

    @TempDir
    Path dir;

    @Test
    void aRunIsRejectedWhileAnotherHoldsTheLease() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            LakeLease other = new LakeLease(h.lake, TransformRunner.LEASE_PATH, Json.MAPPER, Clock.systemUTC(),
                    Duration.ofMinutes(10));
            LakeLease.Handle held = other.acquire("elsewhere", "run-x").orElseThrow();
            RunReport rejected = h.run();
            assertThat(rejected.status()).isEqualTo("rejected");
            assertThat(rejected.error()).contains("run-x");
            other.release(held);
            assertThat(h.run().status()).isEqualTo("succeeded");
        }
    }
}
