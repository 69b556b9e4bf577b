package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.service.TransformRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runners on one lake: the lease is renewed through long steps, and a run that lost it never moves CURRENT. */
class FencedPublishTest {

    @TempDir
    Path dir;

    private static String act(long id, double distance) {
        return "{\"id\":" + id + ",\"sport_type\":\"Run\",\"distance\":" + distance + ",\"start_date_local\":\"2026-11-26T08:00:00Z\"}";
    }

    private static TransformRunner runner(Harness h, Clock clock, Duration ttl, String owner, RunCheckpoint checkpoint) {
        return new TransformRunner(h.lake, h.warehouse, h.graph, SqlDialect.of(h.warehouse.dialect()), List.of(), Json.MAPPER,
                clock, new TransformRunner.Settings(3, ttl, 1000, 1, owner), checkpoint);
    }

    private static RunReport run(TransformRunner runner) {
        return runner.run(runner.newId(), new TransformRunner.Request("test", null, false, false), r -> { });
    }

    private static String current(Harness h) {
        return new String(h.lake.get(LakeLayout.SERVING_CURRENT).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void aRunWhoseLeaseExpiredAndWasTakenCannotMoveServingCurrent() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            h.fixture.putActivity(1, 10, act(10, 1000)).manifest();
            RunReport good = h.run();
            assertThat(good.status()).as(String.valueOf(good.error())).isEqualTo("succeeded");
            h.fixture.putActivity(1, 11, act(11, 2000)).manifest();

            // Runner B's clock is an hour ahead: to B, A's lease (TTL 5 min) has expired, as after a long stall of A.
            TransformRunner b = runner(h, Clock.offset(Clock.systemUTC(), Duration.ofHours(1)), Duration.ofMinutes(5), "pod-b",
                    RunCheckpoint.NONE);
            AtomicReference<RunReport> byB = new AtomicReference<>();
            TransformRunner a = runner(h, Clock.systemUTC(), Duration.ofMinutes(5), "pod-a", step -> {
                if (step.equals(RunCheckpoint.PUBLISH) && byB.get() == null) {
                    byB.set(run(b)); // A stalls between its build manifest and CURRENT; B takes over and publishes
                }
            });
            RunReport byA = run(a);

            assertThat(byB.get().status()).as(String.valueOf(byB.get().error())).isEqualTo("succeeded");
            assertThat(byA.status()).isEqualTo("failed");
            assertThat(byA.buildId()).isNull();
            assertThat(byA.error()).contains("lost its lease").contains(byA.id());
            assertThat(current(h)).isEqualTo(byB.get().buildId()).isNotEqualTo(byA.id());
            // A leaves B's lease alone: it is B's, released.
            LakeLease.Holder holder = new LakeLease(h.lake, TransformRunner.LEASE_PATH, Json.MAPPER, Clock.systemUTC(),
                    Duration.ofMinutes(5)).holder().orElseThrow();
            assertThat(holder.owner()).isEqualTo("pod-b");
        }
    }

    @Test
    void theLeaseIsRenewedWhileAStepLastsLongerThanItsTtl() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            h.fixture.putActivity(1, 10, act(10, 1000)).manifest();
            Duration ttl = Duration.ofMillis(1500);
            LakeLease other = new LakeLease(h.lake, TransformRunner.LEASE_PATH, Json.MAPPER, Clock.systemUTC(), ttl);
            AtomicReference<Optional<LakeLease.Handle>> takeover = new AtomicReference<>();
            TransformRunner slow = runner(h, Clock.systemUTC(), ttl, "pod-a", step -> {
                if (step.equals(RunCheckpoint.PUBLISH)) {
                    sleep(Duration.ofSeconds(4)); // well past the TTL: only renewals keep the lease
                    takeover.set(other.acquire("pod-b", "run-b"));
                }
            });
            RunReport report = run(slow);
            assertThat(takeover.get()).as("another runner took a lease that should have been renewed").isEmpty();
            assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo("succeeded");
            assertThat(current(h)).isEqualTo(report.buildId());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
