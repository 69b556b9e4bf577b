package dev.paceline.api.snapshot;

import dev.paceline.api.config.ApiConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The loaded mart partitions, least recently used first out once their estimated size passes
 * {@code paceline.api.cache.max-bytes}. Keyed by partition path and checksum, so a new build that reuses an athlete's
 * partitions keeps them loaded. Reads are lock-free; a partition is loaded once however many requests want it.
 */
@ApplicationScoped
public class MartCache {

    private final ConcurrentHashMap<String, LoadedMart> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<LoadedMart>> loading = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final long maxBytes;

    @Inject
    public MartCache(ApiConfig config) {
        this(config.cache().maxBytes());
    }

    public MartCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("paceline.api.cache.max-bytes must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The loaded partition under {@code key} if it is in memory (counts as a use), else null. */
    public LoadedMart peek(String key) {
        LoadedMart e = entries.get(key);
        if (e != null) {
            e.lastAccess = clock.incrementAndGet();
            hits.incrementAndGet();
        }
        return e;
    }

    /** The loaded partition under {@code key}, loading it with {@code loader} on a miss. */
    public LoadedMart get(String key, Supplier<MartTable> loader) {
        LoadedMart e = entries.get(key);
        if (e != null) {
            e.lastAccess = clock.incrementAndGet();
            hits.incrementAndGet();
            return e;
        }
        CompletableFuture<LoadedMart> mine = new CompletableFuture<>();
        CompletableFuture<LoadedMart> theirs = loading.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException ce) {
                throw ce.getCause() instanceof RuntimeException re ? re : ce;
            }
        }
        try {
            e = entries.get(key); // loaded between our first look and the claim
            if (e == null) {
                MartTable table = loader.get();
                e = new LoadedMart(key, table, this);
                e.lastAccess = clock.incrementAndGet();
                entries.put(key, e);
                totalBytes.addAndGet(e.bytes);
                loads.incrementAndGet();
                evictOverBudget(e);
            }
            mine.complete(e);
            return e;
        } catch (RuntimeException ex) {
            mine.completeExceptionally(ex);
            throw ex;
        } finally {
            loading.remove(key, mine);
        }
    }

    void grow(LoadedMart mart, long bytes) {
        synchronized (mart) {
            mart.bytes += bytes;
        }
        if (entries.get(mart.key()) == mart) {
            totalBytes.addAndGet(bytes);
            evictOverBudget(mart);
        }
    }

    /** Evicts least recently used entries (never {@code keep}, which is in use) until the total fits the budget. */
    private synchronized void evictOverBudget(LoadedMart keep) {
        if (totalBytes.get() <= maxBytes) {
            return;
        }
        List<LoadedMart> byAge = new ArrayList<>(entries.values());
        byAge.sort(Comparator.comparingLong(m -> m.lastAccess));
        for (LoadedMart m : byAge) {
            if (totalBytes.get() <= maxBytes) {
                break;
            }
            if (m == keep) {
                continue;
            }
            if (entries.remove(m.key(), m)) {
                totalBytes.addAndGet(-m.bytes);
                evictions.incrementAndGet();
            }
        }
        if (totalBytes.get() > maxBytes) {
            Log.debugf("mart cache over budget (%d > %d bytes) with the partition in use: %s", totalBytes.get(), maxBytes,
                    keep.key());
        }
    }

    /** Whether {@code key} is loaded (for tests and health details). */
    public boolean contains(String key) {
        return entries.containsKey(key);
    }

    public Stats stats() {
        return new Stats(entries.size(), totalBytes.get(), maxBytes, hits.get(), loads.get(), evictions.get());
    }

    /** Drops everything (tests). */
    public synchronized void clear() {
        entries.clear();
        totalBytes.set(0);
    }

    /** Cache figures. */
    public record Stats(int entries, long bytes, long maxBytes, long hits, long loads, long evictions) {
    }
}
