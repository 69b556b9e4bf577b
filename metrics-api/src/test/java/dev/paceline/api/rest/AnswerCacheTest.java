package dev.paceline.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private static Payload answer(String build, int bytes) {
        return new Payload(build, 1, new byte[bytes], "application/json", '"' + build + '"', Map.of());
    }

    @Test
    void aRepeatedRequestOfTheSameBuildIsAHitAndAnotherBuildsAnswerIsStale() {
        AnswerCache cache = new AnswerCache(1 << 20);
        String key = AnswerCache.key("/api/v1/athletes/1/fitness", "from=2026-11-01", null);
        cache.put(key, answer("b1", 100));
        assertThat(cache.get(key, "b1").body()).hasSize(100);
        assertThat(cache.get(AnswerCache.key("/api/v1/athletes/1/fitness", "from=2026-11-01", "text/csv"), "b1")).isNull();
        assertThat(cache.get(key, "b2")).isNull();
        assertThat(cache.get(key, "b1")).as("the stale answer was dropped").isNull();
        assertThat(cache.stats().entries()).isZero();
        assertThat(cache.stats().bytes()).isZero();
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedAnswersGoOnceTheBudgetIsFull() {
        long one = answer("b1", 1000).estimatedBytes() + 2L * AnswerCache.key("/a", "1", null).length();
        AnswerCache cache = new AnswerCache(one * 4 + 10);
        for (int i = 1; i <= 4; i++) {
            cache.put(AnswerCache.key("/a", Integer.toString(i), null), answer("b1", 1000));
        }
        cache.get(AnswerCache.key("/a", "1", null), "b1"); // 1 is now the most recent
        cache.put(AnswerCache.key("/a", "5", null), answer("b1", 1000));
        assertThat(cache.get(AnswerCache.key("/a", "2", null), "b1")).isNull();
        assertThat(cache.get(AnswerCache.key("/a", "1", null), "b1")).isNotNull();
        assertThat(cache.get(AnswerCache.key("/a", "5", null), "b1")).isNotNull();
        assertThat(cache.stats().entries()).isEqualTo(4);
        assertThat(cache.stats().bytes()).isLessThanOrEqualTo(cache.stats().maxBytes());
        assertThat(cache.stats().evictions()).isEqualTo(1);
    }

    @Test
    void anAnswerOverAQuarterOfTheBudgetIsNotKeptAndZeroTurnsTheCacheOff() {
        AnswerCache small = new AnswerCache(4000);
        small.put("k", answer("b1", 2000));
        assertThat(small.get("k", "b1")).isNull();
        AnswerCache off = new AnswerCache(0);
        off.put("k", answer("b1", 1));
        assertThat(off.get("k", "b1")).isNull();
        assertThatThrownBy(() -> new AnswerCache(-1)).hasMessageContaining("paceline.api.cache.max-answer-bytes");
    }
}
