package dev.paceline.ingest.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durable cursor of one athlete ({@code state/ingest/athlete_id=<A>/sync.json}): backfill progress, watermark,
 * and what is known of every activity. Mutated only by the ingest worker that holds the worker lock.
 */
@RegisterForReflection
public class SyncState {

    @JsonProperty("athlete_id")
    public long athleteId;
    /** new | backfill | incremental | deauthorized */
    @JsonProperty("phase")
    public String phase = "new";
    /** Backfill lists activities before this epoch second (fixed when the backfill starts). */
    @JsonProperty("backfill_before")
    public Long backfillBefore;
    /** Next page of the backfill listing to fetch. */
    @JsonProperty("backfill_next_page")
    public int backfillNextPage = 1;
    @JsonProperty("backfill_listed")
    public boolean backfillListed;
    @JsonProperty("backfill_completed_at")
    public String backfillCompletedAt;
    /** Newest start_date seen, epoch seconds. */
    @JsonProperty("watermark")
    public Long watermark;
    @JsonProperty("last_reconciled_at")
    public String lastReconciledAt;
    @JsonProperty("last_run_id")
    public String lastRunId;
    /** Strava requests spent on this athlete, all runs together. */
    @JsonProperty("requests_used")
    public long requestsUsed;
    @JsonProperty("deauthorized_at")
    public String deauthorizedAt;
    @JsonProperty("activities")
    public Map<Long, ActivityState> activities = new TreeMap<>();

    public SyncState() {
    }

    public SyncState(long athleteId) {
        this.athleteId = athleteId;
    }

    public boolean deauthorized() {
        return "deauthorized".equals(phase);
    }

    public long known() {
        return activities.values().stream().filter(a -> !a.deleted()).count();
    }

    public long done() {
        return activities.values().stream().filter(a -> !a.deleted() && !a.needsWork()).count();
    }

    public long failed() {
        return activities.values().stream().filter(a -> a.error() != null && !a.deleted()).count();
    }

    public void remember(long id, ActivityState state) {
        activities.put(id, state);
        if (!state.deleted() && (watermark == null || state.start() > watermark)) {
            watermark = state.start();
        }
    }
}
