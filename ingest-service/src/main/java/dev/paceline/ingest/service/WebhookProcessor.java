package dev.paceline.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.WebhookEvent;
import dev.paceline.ingest.config.WebhookConfig;
import dev.paceline.ingest.governor.BudgetExhaustedException;
import dev.paceline.ingest.token.TokenStore;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Works off the webhook queue: create/update re-fetch the activity, delete writes a tombstone, deauthorization stops
 * syncing the athlete and (by default) purges its raw data. An event leaves the queue only once its work is done.
 */
@ApplicationScoped
public class WebhookProcessor {

    private static final Logger LOG = Logger.getLogger(WebhookProcessor.class);

    private final WebhookQueue queue;
    private final SyncService sync;
    private final SyncStateStore states;
    private final RawWriter raw;
    private final TokenStore tokenStore;
    private final WebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;

    public WebhookProcessor(WebhookQueue queue, SyncService sync, SyncStateStore states, RawWriter raw,
            TokenStore tokenStore, WebhookConfig config, ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.queue = queue;
        this.sync = sync;
        this.states = states;
        this.raw = raw;
        this.tokenStore = tokenStore;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Processes every queued event within {@code run}; returns how many were processed. */
    public int drain(IngestRun run) {
        int processed = 0;
        for (ObjectInfo item : queue.pending()) {
            Optional<byte[]> bytes = queue.read(item.path());
            if (bytes.isEmpty()) {
                continue;
            }
            WebhookEvent event;
            try {
                event = WebhookEvent.parse(json.readTree(bytes.get()));
            } catch (IOException | IllegalArgumentException e) {
                LOG.errorf("dropping unreadable queued webhook event %s: %s", item.path(), e.getMessage());
                count("dropped");
                queue.remove(item.path());
                continue;
            }
            try {
                process(run, event);
                count("processed");
            } catch (AthleteAuthorizationException e) {
                LOG.errorf("webhook %s %s %d for athlete %d dropped: %s", event.objectType(), event.aspectType(),
                        event.objectId(), event.ownerId(), e.getMessage());
                count("dropped");
            } catch (BudgetExhaustedException e) {
                throw e;
            }
            SyncState state = states.load(event.ownerId());
            sync.checkpoint(run, state);
            queue.remove(item.path());
            processed++;
        }
        return processed;
    }

    void process(IngestRun run, WebhookEvent event) {
        SyncState state = states.load(event.ownerId());
        if (event.deauthorization()) {
            deauthorize(run, state, "webhook athlete update authorized=false (event_time " + event.eventTime() + ")");
            return;
        }
        if (state.deauthorized()) {
            LOG.infof("webhook for deauthorized athlete %d ignored", event.ownerId());
            return;
        }
        if (!event.objectType().equals("activity")) {
            LOG.debugf("athlete %d profile update: the next run's snapshot picks it up", event.ownerId());
            return;
        }
        long id = event.objectId();
        switch (event.aspectType()) {
            case "delete" -> sync.tombstone(run, state, id, "webhook delete (event_time " + event.eventTime() + ")");
            case "create", "update" -> {
                ActivityState known = state.activities.get(id);
                if (known != null && known.deleted()) {
                    raw.delete(run, LakeLayout.deletion(state.athleteId, id), "deletion", state.athleteId, id);
                }
                boolean refetchStreams = known == null || known.deleted() || "create".equals(event.aspectType());
                ActivityState next = known == null || known.deleted()
                        ? new ActivityState(0, null, null, false, true, null, 0, null, false)
                        : new ActivityState(known.start(), null, null, known.manual(), true,
                                refetchStreams ? null : known.streams(), 0, null, false);
                state.activities.put(id, next);
                sync.fetch(run, state, id, "webhook " + event.aspectType());
            }
            default -> throw new IllegalStateException("unreachable aspect " + event.aspectType());
        }
    }

    /** Stops syncing the athlete, purges its raw objects (if configured) and writes the deauthorization tombstone. */
    public void deauthorize(IngestRun run, SyncState state, String source) {
        long athleteId = state.athleteId;
        int purged = 0;
        if (config.purgeOnDeauthorize()) {
            for (ObjectInfo info : sync.rawObjects(athleteId)) {
                if (info.path().equals(LakeLayout.athleteDeauthorization(athleteId))) {
                    continue;
                }
                String kind = SyncService.kindOf(info.path());
                long objectId = kind.equals("athlete") || kind.equals("zones") ? athleteId : LakeLayout.objectIdOf(info.path());
                if (raw.delete(run, info.path(), kind, athleteId, objectId)) {
                    purged++;
                }
            }
        }
        raw.write(run, "deauthorization", LakeLayout.athleteDeauthorization(athleteId), athleteId, athleteId, source, null);
        tokenStore.delete(athleteId);
        state.phase = "deauthorized";
        state.deauthorizedAt = clock.instant().toString();
        state.activities.clear();
        LOG.infof("athlete %d deauthorized Paceline: syncing stopped, %d raw objects purged%s", athleteId, purged,
                config.purgeOnDeauthorize() ? "" : " (purge disabled: raw data kept)");
    }

    private void count(String outcome) {
        metrics.counter("paceline.webhook.events", "outcome", outcome).increment();
    }
}
