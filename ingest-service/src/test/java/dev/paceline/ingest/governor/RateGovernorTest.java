package dev.paceline.ingest.governor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.ingest.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RateGovernorTest {

    private static Map<String, String> headers(String limit, String usage, String readLimit, String readUsage) {
        Map<String, String> h = new TreeMap<>();
        h.put("X-Ratelimit-Limit", limit);
        h.put("X-Ratelimit-Usage", usage);
        h.put("x-readratelimit-limit", readLimit);
        h.put("X-READRATELIMIT-USAGE", readUsage);
        return h;
    }

    @Test
    void spendsTheShareOfAWindowThenWaitsForTheNextQuarterHour() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:07:30Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        governor.observe(200, headers("20,200", "0,0", "10,100", "0,0"));
        for (int i = 0; i < 9; i++) {
            governor.acquire(null);
        }
        assertThat(clock.sleeps).isEmpty();
        assertThat(governor.snapshot().shortRemaining()).isZero();
        governor.acquire(null);
        assertThat(clock.sleeps).containsExactly(Instant.parse("2026-11-27T10:15:00Z"));
        assertThat(governor.snapshot().readShortUsage()).isEqualTo(1);
        assertThat(governor.snapshot().windowStart()).isEqualTo("2026-11-27T10:15:00Z");
    }

    @Test
    void readsUsageFromHeadersInAnyCaseAndHoldsWhenOthersSpentTheWindow() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:31:00Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        Map<String, String> h = new TreeMap<>();
        h.put("x-ratelimit-limit", "200,2000");
        h.put("X-RATELIMIT-USAGE", "70,213");
        h.put("X-ReadRateLimit-Limit", "100,1000");
        h.put("x-readratelimit-usage", "89,212");
        governor.observe(200, h);
        RateLimitSnapshot s = governor.snapshot();
        assertThat(s.shortLimit()).isEqualTo(200);
        assertThat(s.readShortUsage()).isEqualTo(89);
        assertThat(s.dailyUsage()).isEqualTo(213);
        assertThat(s.shortRemaining()).isEqualTo(1);
        governor.acquire(null);
        assertThat(clock.sleeps).isEmpty();
        governor.acquire(null);
        assertThat(clock.sleeps).containsExactly(Instant.parse("2026-11-27T10:45:00Z"));
    }

    @Test
    void dailyBudgetWaitsUntilMidnightUtc() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T22:50:00Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.5);
        governor.observe(200, headers("200,2000", "10,1998", "100,1000", "10,500"));
        governor.acquire(null);
        assertThat(clock.sleeps).containsExactly(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(governor.snapshot().dailyUsage()).isEqualTo(1);
    }

    @Test
    void after429NothingIsSentBeforeTheNextWindow() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:10Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        governor.acquire(null);
        governor.observe(429, headers("600,30000", "600,30000", "600,30000", "300,2000"));
        governor.acquire(null);
        assertThat(clock.sleeps).containsExactly(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(governor.snapshot().throttled()).isEqualTo(1);

        MutableClock clock2 = new MutableClock(Instant.parse("2026-11-27T10:00:10Z"));
        RateGovernor g2 = new RateGovernor(clock2, clock2.sleeper(), 0.9);
        g2.acquire(null);
        g2.observe(429, headers("600,30000", "600,1000", "600,30000", "600,1000"));
        g2.acquire(null);
        assertThat(clock2.sleeps).containsExactly(Instant.parse("2026-11-27T10:15:00Z"));
    }

    @Test
    void jobModeStopsInsteadOfWaitingLongerThanAllowed() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T22:00:00Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        governor.observe(200, headers("200,2000", "0,1800", "100,1000", "0,900"));
        assertThatThrownBy(() -> governor.acquire(Duration.ofMinutes(16)))
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("daily budget spent")
                .hasMessageContaining("2026-11-28T00:00:00Z")
                .hasMessageContaining("checkpoint is saved");
        MutableClock c2 = new MutableClock(Instant.parse("2026-11-27T10:14:00Z"));
        RateGovernor g2 = new RateGovernor(c2, c2.sleeper(), 0.9);
        g2.observe(200, headers("200,2000", "0,10", "100,1000", "90,10"));
        g2.acquire(Duration.ofMinutes(16));
        assertThat(c2.sleeps).containsExactly(Instant.parse("2026-11-27T10:15:00Z"));
    }

    @Test
    void fiveHundredRequestsSpreadOverWindowsNeverAboveTheShare() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        Map<Long, Integer> perWindow = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            governor.acquire(null);
            long window = clock.instant().getEpochSecond() / 900;
            int n = perWindow.merge(window, 1, Integer::sum);
            governor.observe(200, headers("200,2000", n + "," + (i + 1), "100,1000", n + "," + (i + 1)));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(perWindow.values()).allMatch(n -> n <= 90);
        assertThat(perWindow).hasSize(6);
        assertThat(governor.windowsUsed()).isEqualTo(6);
        assertThat(governor.snapshot().requestsSent()).isEqualTo(500);
    }

    @Test
    void estimatesCompletionFromTheBudgetPerWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:05:00Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        assertThat(governor.estimateCompletion(0)).isNull();
        assertThat(governor.estimateCompletion(50)).isEqualTo(clock.instant());
        // 90 now, then 90 per window: 200 requests finish in the second window after this one
        assertThat(governor.estimateCompletion(200)).isEqualTo(Instant.parse("2026-11-27T10:30:00Z"));
    }

    @Test
    void awaitingTheBudgetDoesNotSpendIt() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:10:00Z"));
        RateGovernor governor = new RateGovernor(clock, clock.sleeper(), 0.9);
        governor.observe(200, headers("200,2000", "0,0", "10,1000", "9,9"));
        governor.awaitAvailable(null);
        assertThat(clock.sleeps).containsExactly(Instant.parse("2026-11-27T10:15:00Z"));
        assertThat(governor.snapshot().readShortUsage()).isZero();
        governor.acquire(null);
        assertThat(governor.snapshot().readShortUsage()).isEqualTo(1);
        assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void refusesAnImpossibleShare() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        assertThatThrownBy(() -> new RateGovernor(clock, clock.sleeper(), 1.5))
                .hasMessageContaining("paceline.ingest.budget-share=1.5");
    }
}
