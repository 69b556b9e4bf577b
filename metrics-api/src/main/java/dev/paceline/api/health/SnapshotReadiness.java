package dev.paceline.api.health;

import dev.paceline.api.snapshot.MartCache;
import dev.paceline.api.snapshot.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once a serving build is loaded; a later lake outage does not make it unready (the build keeps serving). The
 * payload never carries the poll's error text, which can name the lake's bucket or path: the service log has it.
 */
@Readiness
@ApplicationScoped
public class SnapshotReadiness implements HealthCheck {

    private final SnapshotService snapshot;
    private final MartCache cache;

    public SnapshotReadiness(SnapshotService snapshot, MartCache cache) {
        this.snapshot = snapshot;
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        SnapshotService.PollStatus poll = snapshot.lastPoll();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("serving-snapshot").status(snapshot.ready());
        if (snapshot.ready()) {
            b.withData("build_id", snapshot.current().id());
        }
        MartCache.Stats s = cache.stats();
        b.withData("last_poll_ok", poll.ok())
                .withData("cache_entries", s.entries())
                .withData("cache_bytes", s.bytes());
        return b.build();
    }
}
