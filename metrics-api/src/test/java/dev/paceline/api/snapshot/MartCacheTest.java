package dev.paceline.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.api.snapshot.MartTable.Column;
import dev.paceline.api.snapshot.MartTable.Type;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MartCacheTest {

    /** A table of {@code rows} INT64 values (≈ 8 bytes each). */
    private static MartTable table(int rows) {
        return new MartTable("m", List.of(new Column("x", Type.INT64, new long[rows], null, null, null, null)), rows);
    }

    @Test
    void evictsLeastRecentlyUsedOverBudget() {
        long one = table(1000).estimatedBytes();
        MartCache cache = new MartCache(one * 2 + 10);
        cache.get("a", () -> table(1000));
        cache.get("b", () -> table(1000));
        cache.get("a", () -> table(1000)); // a is now more recent than b
        cache.get("c", () -> table(1000));
        assertThat(cache.contains("a")).isTrue();
        assertThat(cache.contains("b")).isFalse();
        assertThat(cache.contains("c")).isTrue();
        assertThat(cache.stats().evictions()).isEqualTo(1);
        assertThat(cache.stats().bytes()).isEqualTo(2 * one);
    }

    @Test
    void aPartitionLargerThanTheBudgetIsServedThenEvictedNext() {
        MartCache cache = new MartCache(100);
        assertThat(cache.get("big", () -> table(1000)).table().rows()).isEqualTo(1000);
        cache.get("small", () -> table(1));
        assertThat(cache.contains("big")).isFalse();
    }

    @Test
    void loadsOncePerKeyUnderConcurrency() throws Exception {
        MartCache cache = new MartCache(1 << 20);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                go.await();
                return cache.get("k", () -> {
                    loads.incrementAndGet();
                    sleep();
                    return table(10);
                });
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(loads).hasValue(1);
        assertThat(cache.stats().loads()).isEqualTo(1);
    }

    @Test
    void aFailedLoadIsNotCachedAndIsRetried() {
        MartCache cache = new MartCache(1 << 20);
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new SnapshotException("lake down");
        })).isInstanceOf(SnapshotException.class).hasMessage("lake down");
        assertThat(cache.contains("k")).isFalse();
        assertThat(cache.get("k", () -> table(3)).table().rows()).isEqualTo(3);
    }

    @Test
    void rejectsANonPositiveBudget() {
        assertThatThrownBy(() -> new MartCache(0)).hasMessageContaining("paceline.api.cache.max-bytes");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
