package dev.paceline.api.health;

import dev.paceline.api.rest.AnswerCache;
import dev.paceline.api.snapshot.MartCache;
import dev.paceline.api.snapshot.SnapshotService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Prometheus figures of the partition cache, the answer cache and the snapshot poll (/q/metrics). */
@ApplicationScoped
public class CacheMetrics {

    private final MeterRegistry registry;
    private final MartCache cache;
    private final SnapshotService snapshot;
    private final AnswerCache answers;

    public CacheMetrics(MeterRegistry registry, MartCache cache, SnapshotService snapshot, AnswerCache answers) {
        this.registry = registry;
        this.cache = cache;
        this.snapshot = snapshot;
        this.answers = answers;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("paceline.api.cache.bytes", cache, c -> c.stats().bytes())
                .description("Estimated bytes of loaded partitions and cached answers").baseUnit("bytes").register(registry);
        Gauge.builder("paceline.api.cache.max.bytes", cache, c -> c.stats().maxBytes())
                .description("Memory budget of the partition cache").baseUnit("bytes").register(registry);
        Gauge.builder("paceline.api.cache.entries", cache, c -> c.stats().entries())
                .description("Loaded partitions").register(registry);
        FunctionCounter.builder("paceline.api.cache.loads", cache, c -> c.stats().loads())
                .description("Partitions loaded from the lake").register(registry);
        FunctionCounter.builder("paceline.api.cache.evictions", cache, c -> c.stats().evictions())
                .description("Partitions evicted to stay within the budget").register(registry);
        Gauge.builder("paceline.api.answers.bytes", answers, c -> c.stats().bytes())
                .description("Estimated bytes of the cached rendered answers").baseUnit("bytes").register(registry);
        Gauge.builder("paceline.api.answers.max.bytes", answers, c -> c.stats().maxBytes())
                .description("Memory budget of the answer cache").baseUnit("bytes").register(registry);
        Gauge.builder("paceline.api.answers.entries", answers, c -> c.stats().entries())
                .description("Cached rendered answers").register(registry);
        FunctionCounter.builder("paceline.api.answers.hits", answers, c -> c.stats().hits())
                .description("Requests answered from the answer cache").register(registry);
        FunctionCounter.builder("paceline.api.answers.evictions", answers, c -> c.stats().evictions())
                .description("Answers evicted to stay within the budget").register(registry);
        Gauge.builder("paceline.api.snapshot.poll.ok", snapshot, s -> s.lastPoll().ok() ? 1 : 0)
                .description("1 when the last poll of serving/CURRENT reached the lake").register(registry);
    }
}
