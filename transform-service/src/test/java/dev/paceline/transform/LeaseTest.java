package dev.paceline.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.transform.service.Lease;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseTest {

    @TempDir
    Path dir;

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void oneHolderAtATimeAndACrashedHoldersLeaseExpires() {
        FileLake lake = new FileLake(dir);
        MutableClock clock = new MutableClock();
        Lease a = new Lease(lake, Json.MAPPER, clock, Duration.ofMinutes(10));
        Lease b = new Lease(lake, Json.MAPPER, clock, Duration.ofMinutes(10));

        Optional<Lease.Handle> first = a.acquire("pod-a", "run-1");
        assertThat(first).isPresent();
        assertThat(b.acquire("pod-b", "run-2")).isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        Lease.Handle renewed = a.renew(first.get());
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(b.acquire("pod-b", "run-2")).as("renewed lease still valid").isEmpty();

        // run-1 crashes (never releases): after the TTL another run takes over.
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        Optional<Lease.Handle> taken = b.acquire("pod-b", "run-2");
        assertThat(taken).isPresent();
        assertThat(b.holder().orElseThrow().runId()).isEqualTo("run-2");
        // The crashed holder cannot renew or release over the new holder.
        assertThatThrownBy(() -> a.renew(renewed)).hasMessageContaining("lost its lease");
        a.release(renewed);
        assertThat(b.holder().orElseThrow().runId()).isEqualTo("run-2");

        b.release(taken.get());
        assertThat(a.acquire("pod-a", "run-3")).isPresent();
    }

    @Test
    void aRunIsRejectedWhileAnotherHoldsTheLease() {
        try (Harness h = new Harness(dir, "test-models/dag")) {
            Lease other = new Lease(h.lake, Json.MAPPER, Clock.systemUTC(), Duration.ofMinutes(10));
            Lease.Handle held = other.acquire("elsewhere", "run-x").orElseThrow();
            RunReport rejected = h.run();
            assertThat(rejected.status()).isEqualTo("rejected");
            assertThat(rejected.error()).contains("run-x");
            other.release(held);
            assertThat(h.run().status()).isEqualTo("succeeded");
        }
    }
}
