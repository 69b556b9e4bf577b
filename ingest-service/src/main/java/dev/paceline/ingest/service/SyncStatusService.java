package dev.paceline.ingest.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.importer.ImportProgress;
import dev.paceline.ingest.governor.RateLimitSnapshot;
import dev.paceline.ingest.token.TokenStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Progress per athlete (phase, activities done and known, budget, ETA), for GET /sync/status and as metrics. */
@ApplicationScoped
public class SyncStatusService {

    private final SyncStateStore states;
    private final TokenStore tokens;
    private final RateGovernor governor;
    private final IngestCoordinator coordinator;
    private final IngestConfig config;
    private final MeterRegistry metrics;
    private final ImportProgress imports;
    private final Set<Long> metered = ConcurrentHashMap.newKeySet();

    public SyncStatusService(SyncStateStore states, TokenStore tokens, RateGovernor governor,
            IngestCoordinator coordinator, IngestConfig config, MeterRegistry metrics, ImportProgress imports) {
        this.states = states;
        this.tokens = tokens;
        this.governor = governor;
        this.coordinator = coordinator;
        this.config = config;
        this.metrics = metrics;
        this.imports = imports;
    }

    /**
     * @param running a run is in progress
     * @param currentRun its id
     * @param lastRun the last finished run
     * @param budget the rate governor's view
     * @param athletes per athlete
     * @param fileImport the running or last file import (done/total, files per second, ETA), null when none ran
     */
    @RegisterForReflection
    public record Status(
            @JsonProperty("running") boolean running,
            @JsonProperty("current_run") String currentRun,
            @JsonProperty("last_run") RunOutcome lastRun,
            @JsonProperty("budget") RateLimitSnapshot budget,
            @JsonProperty("athletes") List<AthleteStatus> athletes,
            @JsonProperty("import") ImportProgress.Snapshot fileImport) {
    }

    /**
     * @param athleteId athlete
     * @param phase new | backfill | incremental | deauthorized
     * @param activitiesKnown activities known (not deleted)
     * @param activitiesDone activities fully fetched
     * @param activitiesFailed activities whose last fetch failed
     * @param requestsUsed Strava requests spent on this athlete so far
     * @param requestsLeft estimated Strava requests still needed
     * @param eta estimated completion (ISO-8601), null when nothing is left
     * @param backfillCompletedAt when the backfill finished
     * @param lastReconciledAt last reconciliation
     * @param failures up to 20 failed activities with their last error
     */
    @RegisterForReflection
    public record AthleteStatus(
            @JsonProperty("athlete_id") long athleteId,
            @JsonProperty("phase") String phase,
            @JsonProperty("activities_known") long activitiesKnown,
            @JsonProperty("activities_done") long activitiesDone,
            @JsonProperty("activities_failed") long activitiesFailed,
            @JsonProperty("requests_used") long requestsUsed,
            @JsonProperty("requests_left") long requestsLeft,
            @JsonProperty("eta") String eta,
            @JsonProperty("backfill_completed_at") String backfillCompletedAt,
            @JsonProperty("last_reconciled_at") String lastReconciledAt,
            @JsonProperty("failures") Map<Long, String> failures) {
    }

    public Status status() {
        Set<Long> ids = new TreeSet<>(tokens.athletes());
        List<AthleteStatus> athletes = new ArrayList<>();
        for (long id : ids) {
            athletes.add(athlete(id));
        }
        return new Status(coordinator.running(), coordinator.currentRun(), coordinator.lastOutcome(),
                governor.snapshot(), athletes, imports.current());
    }

    public AthleteStatus athlete(long id) {
        meter(id);
        SyncState s = states.peek(id).orElseGet(() -> new SyncState(id));
        long left = 0;
        Map<Long, String> failures = new java.util.TreeMap<>();
        for (Map.Entry<Long, ActivityState> e : s.activities.entrySet()) {
            ActivityState a = e.getValue();
            if (a.needsWork()) {
                left += (a.pending() && config.details() ? 1 : 0) + (a.needsStreams() && !a.manual() ? 1 : 0);
            }
            if (a.error() != null && !a.deleted() && failures.size() < 20) {
                failures.put(e.getKey(), a.error());
            }
        }
        if (!s.backfillListed && !s.deauthorized()) {
            left += 1;
        }
        Instant eta = governor.estimateCompletion(left);
        return new AthleteStatus(id, s.phase, s.known(), s.done(), s.failed(), s.requestsUsed, left, eta == null ? null : eta.toString(),
                s.backfillCompletedAt, s.lastReconciledAt, failures);
    }

    private void meter(long id) {
        if (!metered.add(id)) {
            return;
        }
        String tag = String.valueOf(id);
        Gauge.builder("paceline.ingest.activities.known", () -> states.peek(id).map(SyncState::known).orElse(0L))
                .tag("athlete_id", tag).description("activities known for the athlete").register(metrics);
        Gauge.builder("paceline.ingest.activities.done", () -> states.peek(id).map(SyncState::done).orElse(0L))
                .tag("athlete_id", tag).description("activities fully fetched for the athlete").register(metrics);
        Gauge.builder("paceline.ingest.activities.failed", () -> states.peek(id).map(SyncState::failed).orElse(0L))
                .tag("athlete_id", tag).description("activities whose last fetch failed").register(metrics);
    }
}
