package dev.paceline.api.service;

import dev.paceline.api.MartTable;
import dev.paceline.api.Payload;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A mart partition held by the {@link MartCache}: the table, indexes derived from it on first use, and serialized
 * answers computed from it (keyed by build, format and canonical query), all evicted together.
 */
public final class LoadedMart {

    private final String key;
    private final MartTable table;
    private final MartCache owner;
    private final ConcurrentHashMap<Class<?>, Object> derived = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Payload> responses = new ConcurrentHashMap<>();
    private final AtomicInteger responseCount = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong responseBytes = new java.util.concurrent.atomic.AtomicLong();
    volatile long lastAccess;
    volatile long bytes;

    LoadedMart(String key, MartTable table, MartCache owner) {
        this.key = key;
        this.table = table;
        this.owner = owner;
        this.bytes = table.estimatedBytes();
    }

    public String key() {
        return key;
    }

    public MartTable table() {
        return table;
    }

    /** An index built once from the table (e.g. activities by id), cached with it; its size counts in the budget. */
    @SuppressWarnings("unchecked")
    public <T extends Derived> T derived(Class<T> type, Function<MartTable, T> build) {
        Object v = derived.get(type);
        if (v == null) {
            T made = build.apply(table);
            Object prev = derived.putIfAbsent(type, made);
            if (prev == null) {
                owner.grow(this, made.estimatedBytes());
                return made;
            }
            v = prev;
        }
        return (T) v;
    }

    /** A cached serialized answer, or null. */
    public Payload response(String cacheKey) {
        return responses.get(cacheKey);
    }

    /**
     * Keeps a serialized answer. When the mart holds the configured maximum, its answers are dropped first (they are
     * cheap to recompute, and answers of older builds must not crowd out the current one's).
     */
    public void keepResponse(String cacheKey, Payload body) {
        int max = owner.maxResponsesPerMart();
        if (max <= 0) {
            return;
        }
        if (responseCount.get() >= max) {
            synchronized (responses) {
                if (responseCount.get() >= max) {
                    responses.clear();
                    responseCount.set(0);
                    owner.grow(this, -responseBytes.getAndSet(0));
                }
            }
        }
        if (responses.putIfAbsent(cacheKey, body) == null) {
            responseCount.incrementAndGet();
            long size = body.body().length + 2L * cacheKey.length() + 64;
            responseBytes.addAndGet(size);
            owner.grow(this, size);
        }
    }

    /** Something derived from a table that reports its size. */
    public interface Derived {
        long estimatedBytes();
    }
}
