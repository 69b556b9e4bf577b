package dev.paceline.platform.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.platform.json.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeLeaseTest {

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
        LakeLease a = new LakeLease(lake, "state/test/lease.json", Json.MAPPER, clock, Duration.ofMinutes(10));
        LakeLease b = new LakeLease(lake, "state/test/lease.json", Json.MAPPER, clock, Duration.ofMinutes(10));

        Optional<LakeLease.Handle> first = a.acquire("pod-a", "run-1");
        assertThat(first).isPresent();
        assertThat(b.acquire("pod-b", "run-2")).isEmpty();

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        LakeLease.Handle renewed = a.renew(first.get());
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(b.acquire("pod-b", "run-2")).as("renewed lease still valid").isEmpty();

        // run-1 crashes (never releases): after the TTL another run takes over.
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        Optional<LakeLease.Handle> taken = b.acquire("pod-b", "run-2");
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
    void fenceRefusesAHolderWhoseLeaseExpiredOrWasTaken() {
        FileLake lake = new FileLake(dir);
        MutableClock clock = new MutableClock();
        LakeLease a = new LakeLease(lake, "state/test/lease.json", Json.MAPPER, clock, Duration.ofMinutes(10));
        LakeLease b = new LakeLease(lake, "state/test/lease.json", Json.MAPPER, clock, Duration.ofMinutes(10));

        LakeLease.Handle held = a.acquire("pod-a", "run-1").orElseThrow();
        a.fence(held);

        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThatThrownBy(() -> a.fence(held)).isInstanceOf(LakeLease.LostException.class)
                .hasMessageContaining("run-1").hasMessageContaining("lost its lease");

        LakeLease.Handle taken = b.acquire("pod-b", "run-2").orElseThrow();
        b.fence(taken);
        assertThatThrownBy(() -> a.fence(held)).isInstanceOf(LakeLease.LostException.class);
        assertThatThrownBy(() -> a.renew(held)).isInstanceOf(LakeLease.LostException.class);
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceForAProcessWhoseClockLagsTheReleasersClock() {
        FileLake lake = new FileLake(dir);
        MutableClock ahead = new MutableClock();
        MutableClock behind = new MutableClock();
        behind.now = ahead.now.minus(Duration.ofDays(30));
        LakeLease a = new LakeLease(lake, "state/test/lease.json", Json.MAPPER, ahead, Duration.ofMinutes(5));
        LakeLease b = new LakeLease(lake, "state/test/lease.json", Json.MAPPER, behind, Duration.ofMinutes(5));

        LakeLease.Handle held = a.acquire("pod-a", "run-1").orElseThrow();
        assertThat(b.acquire("pod-b", "run-2")).isEmpty();
        a.release(held);

        Optional<LakeLease.Handle> taken = b.acquire("pod-b", "run-2");
        assertThat(taken).isPresent();
        assertThat(b.holder().orElseThrow().runId()).isEqualTo("run-2");
        assertThat(b.holder().orElseThrow().liveAt(behind.now)).isTrue();
    }
}
