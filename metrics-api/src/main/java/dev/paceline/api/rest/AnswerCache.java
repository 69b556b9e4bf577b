package dev.paceline.api.rest;

import dev.paceline.api.config.ApiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered answers of the per-athlete endpoints, keyed by the request as it arrives (path with the athlete and the
 * endpoint, the raw query string, and the Accept header that picks the format), each holding its build and athlete, so
 * a repeated request costs a lookup and a write (see {@link AnswerRoute}). Bounded by
 * {@code paceline.api.cache.max-answer-bytes}, least recently used out first; answers of an older build are stale and
 * dropped when met.
 */
@ApplicationScoped
public class AnswerCache {

    private final long maxBytes;
    private final LinkedHashMap<String, Payload> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();

    @Inject
    public AnswerCache(ApiConfig config) {
        this(config.cache().maxAnswerBytes());
    }

    public AnswerCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("paceline.api.cache.max-answer-bytes must be 0 (off) or positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The cache key of a request: its path and raw query, and the Accept header (which may pick CSV). */
    public static String key(String path, String rawQuery, String accept) {
        return path + '?' + (rawQuery == null ? "" : rawQuery) + '\n' + (accept == null ? "" : accept);
    }

    /** The answer cached under {@code key} if it was rendered from build {@code buildId}, else null (a stale one goes). */
    public Payload get(String key, String buildId) {
        Payload p;
        synchronized (this) {
            p = entries.get(key);
            if (p != null && !p.build().equals(buildId)) {
                entries.remove(key);
                bytes -= p.estimatedBytes() + 2L * key.length();
                p = null;
            }
        }
        (p == null ? misses : hits).incrementAndGet();
        return p;
    }

    /** Keeps a rendered answer, evicting the least recently used ones past the budget. */
    public void put(String key, Payload payload) {
        long size = payload.estimatedBytes() + 2L * key.length();
        if (maxBytes == 0 || size > maxBytes / 4) {
            return; // one answer may not crowd out the rest
        }
        synchronized (this) {
            Payload old = entries.put(key, payload);
            if (old != null) {
                bytes -= old.estimatedBytes() + 2L * key.length();
            }
            bytes += size;
            Iterator<Map.Entry<String, Payload>> it = entries.entrySet().iterator();
            while (bytes > maxBytes && it.hasNext()) {
                Map.Entry<String, Payload> e = it.next();
                it.remove();
                bytes -= e.getValue().estimatedBytes() + 2L * e.getKey().length();
                evictions.incrementAndGet();
            }
        }
    }

    public synchronized Stats stats() {
        return new Stats(entries.size(), bytes, maxBytes, hits.get(), misses.get(), evictions.get());
    }

    /** Drops everything (tests). */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** Cache figures (reported at /q/metrics and in the readiness data). */
    public record Stats(int entries, long bytes, long maxBytes, long hits, long misses, long evictions) {
    }
}
