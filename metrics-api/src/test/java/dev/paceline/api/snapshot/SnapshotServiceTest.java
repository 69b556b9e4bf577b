package dev.paceline.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.api.config.ApiConfig;
import dev.paceline.api.problem.NotFoundProblem;
import dev.paceline.api.health.SnapshotReadiness;
import dev.paceline.api.support.Fixture;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.layout.LakeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness before the first build, and bad builds that must not replace a good one. */
class SnapshotServiceTest {

    @TempDir
    Path root;

    private static ApiConfig config() {
        return new ApiConfig() {
            public Snapshot snapshot() {
                return new Snapshot() {
                    public Duration pollInterval() {
                        return Duration.ofSeconds(30);
                    }

                    public boolean verifyChecksums() {
                        return true;
                    }
                };
            }

            public Cache cache() {
                return new Cache() {
                    public long maxBytes() {
                        return 1 << 20;
                    }

                    public long maxAnswerBytes() {
                        return 1 << 20;
                    }
                };
            }

            public Keys keys() {
                return new Keys() {
                    public Optional<String> hashed() {
                        return Optional.empty();
                    }

                    public Optional<String> file() {
                        return Optional.empty();
                    }

                    public Optional<String> local() {
                        return Optional.empty();
                    }
                };
            }
        };
    }

    @Test
    void notReadyUntilABuildIsPublishedThenReady() {
        FileLake lake = new FileLake(root);
        MartCache cache = new MartCache(1 << 20);
        SnapshotService s = new SnapshotService(lake, cache, new ObjectMapper(), config());
        SnapshotReadiness readiness = new SnapshotReadiness(s, cache);
        assertThat(s.poll()).isFalse();
        assertThat(s.ready()).isFalse();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(s.lastPoll().error()).contains("serving/CURRENT not found");
        assertThatThrownBy(s::current).isInstanceOf(SnapshotException.class).hasMessageContaining("no serving build");

        Fixture.build(Fixture.BUILD_1, false).publish(lake);
        assertThat(s.poll()).isTrue();
        assertThat(s.ready()).isTrue();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(s.mart(s.current(), 1, Marts.FITNESS).table().rows()).isEqualTo(27);
    }

    @Test
    void badBuildsKeepTheCurrentOne() {
        FileLake lake = new FileLake(root);
        SnapshotService s = new SnapshotService(lake, new MartCache(1 << 20), new ObjectMapper(), config());
        Fixture.build(Fixture.BUILD_1, false).publish(lake);
        assertThat(s.poll()).isTrue();

        lake.put(LakeLayout.SERVING_CURRENT, "20261129T000000Z-missing\n".getBytes(StandardCharsets.UTF_8));
        assertThat(s.poll()).isFalse();
        assertThat(s.lastPoll().error()).contains("_manifest.json does not exist");
        assertThat(s.current().id()).isEqualTo(Fixture.BUILD_1);

        String future = "20261129T000000Z-future";
        lake.put(LakeLayout.buildManifest(future), ("{\"schema_version\":2,\"build_id\":\"" + future
                + "\",\"marts\":{},\"athletes\":{}}").getBytes(StandardCharsets.UTF_8));
        lake.put(LakeLayout.SERVING_CURRENT, future.getBytes(StandardCharsets.UTF_8));
        assertThat(s.poll()).isFalse();
        assertThat(s.lastPoll().error()).contains("schema_version 2").contains("deploy a newer metrics-api");
        assertThat(s.current().id()).isEqualTo(Fixture.BUILD_1);
    }

    @Test
    void aCorruptPartitionIsRefusedByItsChecksum() {
        FileLake lake = new FileLake(root);
        SnapshotService s = new SnapshotService(lake, new MartCache(1 << 20), new ObjectMapper(), config());
        Fixture.build(Fixture.BUILD_1, false).publish(lake);
        s.poll();
        lake.put(LakeLayout.servingPartition(Fixture.BUILD_1, 1, Marts.FITNESS), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> s.mart(s.current(), 1, Marts.FITNESS))
                .isInstanceOf(SnapshotException.class).hasMessageContaining("SHA-256").hasMessageContaining("mart_fitness");
        assertThatThrownBy(() -> s.mart(s.current(), 9, Marts.FITNESS)).isInstanceOf(NotFoundProblem.class);
    }
}
