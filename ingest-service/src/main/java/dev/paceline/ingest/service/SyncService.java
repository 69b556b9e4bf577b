package dev.paceline.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.ingest.client.StravaClient;
import dev.paceline.ingest.client.StravaException;
import dev.paceline.ingest.client.StravaResponse;
import dev.paceline.ingest.config.IngestConfig;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.token.StoredToken;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Syncs one athlete: athlete and zones once per run, then either the backfill listing (whole history, resumable by
 * page) or an incremental listing (after the watermark minus the overlap), an optional reconciliation, and the
 * fetch of every pending activity newest first (detail or lean summary, plus streams). The cursor and the run
 * journal are saved after every page and every activity, so a killed run resumes without repeating work.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    private final StravaClient strava;
    private final TokenService tokens;
    private final RawWriter raw;
    private final SyncStateStore states;
    private final IngestConfig config;
    private final Clock clock;
    private final Lake lake;
    private final RateGovernor governor;
    private long requestsCounted;

    public SyncService(StravaClient strava, TokenService tokens, RawWriter raw, SyncStateStore states,
            IngestConfig config, Clock clock, Lake lake, RateGovernor governor) {
        this.governor = governor;
        this.strava = strava;
        this.tokens = tokens;
        this.raw = raw;
        this.states = states;
        this.config = config;
        this.clock = clock;
        this.lake = lake;
    }

    /**
     * Syncs one athlete within {@code run}. {@code betweenActivities} runs before each activity (the webhook queue
     * is served first).
     */
    public void sync(IngestRun run, long athleteId, Optional<StravaResponse> athletePayload, Runnable betweenActivities) {
        SyncState state = states.load(athleteId);
        if (state.deauthorized()) {
            LOG.infof("athlete %d deauthorized Paceline on %s: not synced", athleteId, state.deauthorizedAt);
            return;
        }
        snapshotAthlete(run, athleteId, athletePayload);
        betweenActivities.run();
        if (state.deauthorized()) {
            return;
        }
        if (!state.backfillListed) {
            if (state.backfillBefore == null) {
                state.backfillBefore = clock.instant().getEpochSecond();
                state.phase = "backfill";
                LOG.infof("athlete %d: backfill of the whole history starts (activities before %s)", athleteId,
                        Instant.ofEpochSecond(state.backfillBefore));
            }
            list(run, state, state.backfillBefore, null, state.backfillNextPage, page -> {
                state.backfillNextPage = page + 1;
                checkpoint(run, state);
            });
            state.backfillListed = true;
            checkpoint(run, state);
        } else {
            long base = "backfill".equals(state.phase) || state.watermark == null ? state.backfillBefore : state.watermark;
            long after = base - config.overlap().toSeconds();
            list(run, state, null, after, 1, page -> checkpoint(run, state));
            if (reconciliationDue(state)) {
                reconcile(run, state);
            }
            checkpoint(run, state);
        }
        fetchPending(run, state, betweenActivities);
    }

    /** Fetches every pending activity, newest first. */
    void fetchPending(IngestRun run, SyncState state, Runnable betweenActivities) {
        List<Long> pending = new ArrayList<>();
        for (Map.Entry<Long, ActivityState> e : state.activities.entrySet()) {
            if (e.getValue().needsWork() && e.getValue().attempts() < config.maxAttempts()) {
                pending.add(e.getKey());
            }
        }
        pending.sort(Comparator.comparingLong((Long id) -> state.activities.get(id).start()).reversed()
                .thenComparing(Comparator.reverseOrder()));
        int done = 0;
        for (long id : pending) {
            betweenActivities.run();
            if (state.deauthorized()) {
                return;
            }
            ActivityState current = state.activities.get(id);
            if (current == null || !current.needsWork()) {
                continue;
            }
            fetch(run, state, id, "sync");
            checkpoint(run, state);
            done++;
            if (done % 50 == 0) {
                LOG.infof("athlete %d: %d/%d pending activities fetched (%d of %d known done)", state.athleteId, done,
                        pending.size(), state.done(), state.known());
            }
        }
        boolean complete = state.activities.values().stream().noneMatch(a -> a.needsWork() && a.attempts() < config.maxAttempts());
        if (complete && "backfill".equals(state.phase) && state.backfillListed) {
            state.phase = "incremental";
            state.backfillCompletedAt = clock.instant().toString();
            state.lastReconciledAt = state.backfillCompletedAt;
            LOG.infof("athlete %d: backfill complete, %d activities (%d failed)", state.athleteId, state.known(), state.failed());
        }
        checkpoint(run, state);
    }

    /**
     * Fetches and writes one activity: detail (or nothing more in lean mode) and streams unless manual or known to
     * have none. A malformed answer marks only this activity as failed.
     */
    public void fetch(IngestRun run, SyncState state, long id, String why) {
        long athleteId = state.athleteId;
        ActivityState a = state.activities.get(id);
        try {
            if (a.pending() && (config.details() || a.fingerprint() == null)) {
                StravaResponse detail = tokens.withToken(athleteId, t -> strava.activity(t, id));
                if (detail.notFound()) {
                    tombstone(run, state, id, detail.source() + " answered 404");
                    return;
                }
                JsonNode node = raw.parse(detail.body(), detail.source());
                raw.write(run, "activity", LakeLayout.activity(athleteId, id), athleteId, id, detail.source(), detail.body());
                // The listing's fingerprint stays the reference, so the next listing does not see a false edit.
                String fingerprint = a.fingerprint() != null ? a.fingerprint() : ActivityFingerprint.of(node);
                String shape = a.shape() != null ? a.shape() : ActivityFingerprint.shape(node);
                a = new ActivityState(ActivityFingerprint.start(node), fingerprint, shape,
                        node.path("manual").asBoolean(false), false, a.streams(), a.attempts(), a.error(), false);
                state.remember(id, a);
            } else if (a.pending()) {
                a = a.withPending(false);
                state.remember(id, a);
            }
            if (a.needsStreams() && a.manual()) {
                raw.write(run, "streams", LakeLayout.streams(athleteId, id), athleteId, id,
                        "manual activity: Strava keeps no streams (not requested)", null);
                a = a.withStreams("none");
            } else if (a.needsStreams()) {
                StravaResponse streams = tokens.withToken(athleteId, t -> strava.streams(t, id));
                if (streams.notFound()) {
                    raw.write(run, "streams", LakeLayout.streams(athleteId, id), athleteId, id,
                            streams.source() + " answered 404: no streams", null);
                    a = a.withStreams("none");
                } else {
                    raw.parse(streams.body(), streams.source());
                    raw.write(run, "streams", LakeLayout.streams(athleteId, id), athleteId, id, streams.source(), streams.body());
                    a = a.withStreams("ok");
                }
            }
            state.remember(id, a.succeeded());
        } catch (MalformedPayloadException e) {
            ActivityState failed = state.activities.get(id).failed(e.getMessage());
            state.remember(id, failed);
            run.failure("athlete " + athleteId + " activity " + id + ": " + e.getMessage());
            LOG.warnf("athlete %d activity %d (%s) failed, attempt %d of %d: %s", athleteId, id, why,
                    failed.attempts(), config.maxAttempts(), e.getMessage());
        }
    }

    /** Writes a tombstone for a deleted activity and marks it in the cursor (raw payloads are kept). */
    public void tombstone(IngestRun run, SyncState state, long id, String source) {
        long athleteId = state.athleteId;
        raw.write(run, "deletion", LakeLayout.deletion(athleteId, id), athleteId, id, source, null);
        ActivityState a = state.activities.get(id);
        state.activities.put(id, a == null ? new ActivityState(0, null, null, false, false, null, 0, null, true) : a.tombstoned());
        LOG.infof("athlete %d activity %d deleted (%s): tombstone written", athleteId, id, source);
    }

    /** Lists all activity ids and tombstones those gone from Strava (and picks up edits and missed activities). */
    void reconcile(IngestRun run, SyncState state) {
        long startedAt = clock.instant().getEpochSecond();
        Set<Long> seen = new HashSet<>();
        list(run, state, null, null, 1, seen, page -> { });
        int tombstoned = 0;
        for (Map.Entry<Long, ActivityState> e : new ArrayList<>(state.activities.entrySet())) {
            ActivityState a = e.getValue();
            if (!a.deleted() && !seen.contains(e.getKey()) && a.start() < startedAt) {
                tombstone(run, state, e.getKey(), "reconciliation: absent from GET /athlete/activities");
                tombstoned++;
            }
        }
        state.lastReconciledAt = clock.instant().toString();
        LOG.infof("athlete %d: reconciliation saw %d activities on Strava, tombstoned %d", state.athleteId, seen.size(), tombstoned);
    }

    private boolean reconciliationDue(SyncState state) {
        if (!"incremental".equals(state.phase)) {
            return false;
        }
        if (config.reconcile().runNow() || state.lastReconciledAt == null) {
            return true;
        }
        return Instant.parse(state.lastReconciledAt).plus(config.reconcile().every()).isBefore(clock.instant().plusSeconds(1));
    }

    private void list(IngestRun run, SyncState state, Long before, Long after, int fromPage, IntConsumer onPage) {
        list(run, state, before, after, fromPage, null, onPage);
    }

    private void list(IngestRun run, SyncState state, Long before, Long after, int fromPage, Set<Long> seen, IntConsumer onPage) {
        long athleteId = state.athleteId;
        for (int page = fromPage; ; page++) {
            int p = page;
            List<byte[]> elements;
            StravaResponse response = tokens.withToken(athleteId, t -> strava.activities(t, before, after, p));
            try {
                elements = raw.arrayElements(response.body(), response.source());
            } catch (MalformedPayloadException first) {
                LOG.warnf("athlete %d: %s; asking once more", athleteId, first.getMessage());
                response = tokens.withToken(athleteId, t -> strava.activities(t, before, after, p));
                elements = raw.arrayElements(response.body(), response.source());
            }
            if (elements.isEmpty()) {
                return;
            }
            int added = 0;
            int edited = 0;
            for (byte[] element : elements) {
                JsonNode node = raw.parse(element, response.source());
                long id = node.path("id").asLong(0);
                if (id <= 0) {
                    run.failure("athlete " + athleteId + ": " + response.source() + " listed an activity without id");
                    continue;
                }
                if (seen != null) {
                    seen.add(id);
                }
                String fp = ActivityFingerprint.of(node);
                ActivityState existing = state.activities.get(id);
                if (existing != null && !existing.deleted() && fp.equals(existing.fingerprint())) {
                    continue;
                }
                if (existing == null || existing.deleted()) {
                    added++;
                    if (existing != null) {
                        raw.delete(run, LakeLayout.deletion(athleteId, id), "deletion", athleteId, id);
                    }
                } else {
                    edited++;
                }
                String shape = ActivityFingerprint.shape(node);
                String streams = existing != null && !existing.deleted() && shape.equals(existing.shape()) ? existing.streams() : null;
                ActivityState next = new ActivityState(ActivityFingerprint.start(node), fp, shape,
                        node.path("manual").asBoolean(false), true, streams, 0, null, false);
                if (!config.details()) {
                    raw.write(run, "activity", LakeLayout.activity(athleteId, id), athleteId, id, response.source(), element);
                    next = next.withPending(false);
                }
                state.remember(id, next);
            }
            LOG.infof("athlete %d: %s -> %d activities (%d new, %d edited); %d known, %d done", athleteId,
                    response.source(), elements.size(), added, edited, state.known(), state.done());
            onPage.accept(page);
        }
    }

    private void snapshotAthlete(IngestRun run, long athleteId, Optional<StravaResponse> athletePayload) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        StravaResponse athlete = athletePayload.orElseGet(() -> tokens.withToken(athleteId, strava::athlete));
        if (!athlete.notFound()) {
            raw.write(run, "athlete", LakeLayout.athleteSnapshot(athleteId, today), athleteId, athleteId, athlete.source(), athlete.body());
        }
        Optional<StoredToken> token = tokens.find(athleteId);
        if (token.isPresent() && token.get().lacksScope("profile:read_all")) {
            LOG.infof("athlete %d did not grant profile:read_all: zones are not fetched", athleteId);
            return;
        }
        try {
            StravaResponse zones = tokens.withToken(athleteId, strava::zones);
            if (!zones.notFound()) {
                raw.write(run, "zones", zonesPath(athleteId, today), athleteId, athleteId, zones.source(), zones.body());
            }
        } catch (StravaException.Refused | AthleteAuthorizationException e) {
            LOG.warnf("athlete %d: zones not fetched (%s); grant profile:read_all by reconnecting at GET /oauth/connect",
                    athleteId, e.getMessage());
        } catch (MalformedPayloadException e) {
            run.failure("athlete " + athleteId + " zones: " + e.getMessage());
            LOG.warn(e.getMessage());
        }
    }

    /** {@code raw/strava/athlete_id=<A>/athlete/<date>.zones.json} (kind zones), beside the athlete snapshot. */
    public static String zonesPath(long athleteId, LocalDate date) {
        return LakeLayout.athletePrefix(athleteId) + "athlete/" + date + ".zones.json";
    }

    /** Saves the journal (entries written so far) and then the cursor that depends on them. */
    synchronized void checkpoint(IngestRun run, SyncState state) {
        long sent = governor.snapshot().requestsSent();
        state.requestsUsed += Math.max(0, sent - requestsCounted);
        requestsCounted = sent;
        states.journal(run);
        state.lastRunId = run.id();
        states.save(state);
    }

    /** The envelope kind of a raw object, from its path. */
    public static String kindOf(String path) {
        if (path.endsWith("/deauthorized.json")) {
            return "deauthorization";
        }
        if (path.contains("/activities/")) {
            return "activity";
        }
        if (path.contains("/streams/")) {
            return "streams";
        }
        if (path.contains("/deletions/")) {
            return "deletion";
        }
        return path.endsWith(".zones.json") ? "zones" : "athlete";
    }

    /** Raw objects of an athlete (for the purge after a deauthorization). */
    public List<ObjectInfo> rawObjects(long athleteId) {
        return lake.listAll(LakeLayout.athletePrefix(athleteId));
    }
}
