package dev.paceline.ingest.service;

import dev.paceline.ingest.client.StravaClient;
import dev.paceline.ingest.client.StravaException;
import dev.paceline.ingest.client.StravaResponse;
import dev.paceline.ingest.governor.BudgetExhaustedException;
import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.token.TokenStore;
import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.lake.LakeException;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.lake.Lake;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs ingest: one worker at a time per process (the worker lock), webhook work before recent activities before
 * backfill, manifests last. A run killed before its manifest is published from its journal by the next run.
 */
@ApplicationScoped
public class IngestCoordinator {

    private static final Logger LOG = Logger.getLogger(IngestCoordinator.class);

    private final SyncService sync;
    private final WebhookProcessor webhooks;
    private final TokenService tokens;
    private final TokenStore tokenStore;
    private final SyncStateStore states;
    private final RawWriter raw;
    private final RateGovernor governor;
    private final Clock clock;
    private final Lake lake;
    private final StravaClient strava;
    private final ReentrantLock worker = new ReentrantLock();
    private volatile String currentRun;
    private volatile RunOutcome lastOutcome;

    public IngestCoordinator(SyncService sync, WebhookProcessor webhooks, TokenService tokens, TokenStore tokenStore,
            SyncStateStore states, RawWriter raw, RateGovernor governor, Clock clock, Lake lake, StravaClient strava) {
        this.strava = strava;
        this.sync = sync;
        this.webhooks = webhooks;
        this.tokens = tokens;
        this.tokenStore = tokenStore;
        this.states = states;
        this.raw = raw;
        this.governor = governor;
        this.clock = clock;
        this.lake = lake;
    }

    /** A full run: webhook queue, then every athlete (env athlete and connected ones). Blocks while another runs. */
    public RunOutcome runOnce(String trigger) {
        worker.lock();
        try {
            return execute(trigger, true);
        } finally {
            worker.unlock();
        }
    }

    /**
     * A full run that stops (checkpoint saved, manifest written) instead of waiting longer than {@code maxWait} for
     * the rate budget, as the job does with paceline.ingest.job-max-wait.
     */
    public RunOutcome runOnce(String trigger, Duration maxWait) {
        return strava.withMaxWait(maxWait, () -> runOnce(trigger));
    }

    /** Works off the webhook queue unless a run is in progress (which serves the queue itself). */
    public Optional<RunOutcome> processWebhooks() {
        if (!worker.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(execute("webhook", false));
        } finally {
            worker.unlock();
        }
    }

    public boolean running() {
        return worker.isLocked();
    }

    public String currentRun() {
        return currentRun;
    }

    public RunOutcome lastOutcome() {
        return lastOutcome;
    }

    private RunOutcome execute(String trigger, boolean fullSync) {
        states.forget();
        IngestRun run = new IngestRun(trigger, clock.instant());
        currentRun = run.id();
        long requestsBefore = governor.snapshot().requestsSent();
        boolean exhausted = false;
        String nextWindow = null;
        String fatal = null;
        try {
            recoverJournals(run.id());
            webhooks.drain(run);
            if (fullSync) {
                Map<Long, Optional<StravaResponse>> athletes = athletes(run);
                for (Map.Entry<Long, Optional<StravaResponse>> a : athletes.entrySet()) {
                    try {
                        sync.sync(run, a.getKey(), a.getValue(), () -> webhooks.drain(run));
                    } catch (AthleteAuthorizationException | MalformedPayloadException e) {
                        run.failure("athlete " + a.getKey() + ": " + e.getMessage());
                        LOG.errorf("athlete %d not synced: %s", a.getKey(), e.getMessage());
                    } catch (StravaException.Refused e) {
                        run.failure("athlete " + a.getKey() + ": " + e.getMessage());
                        LOG.errorf("athlete %d not synced: %s", a.getKey(), e.getMessage());
                    }
                }
            }
        } catch (BudgetExhaustedException e) {
            exhausted = true;
            nextWindow = e.nextWindow().toString();
            LOG.infof("run %s stops: %s", run.id(), e.getMessage());
        } catch (StravaException.ApplicationInactive e) {
            fatal = e.getMessage();
            LOG.error(fatal);
        } catch (StravaException | LakeException | IllegalStateException | IllegalArgumentException e) {
            fatal = e.getMessage();
            LOG.errorf("run %s failed: %s", run.id(), fatal);
        } finally {
            String manifest = finish(run);
            long requests = governor.snapshot().requestsSent() - requestsBefore;
            lastOutcome = new RunOutcome(run.id(), trigger, manifest, run.entries().size(), requests, exhausted,
                    nextWindow, run.failures(), fatal);
            currentRun = null;
            LOG.infof("run %s (%s) done: %d objects changed, %d Strava requests, %d failures%s%s", run.id(), trigger,
                    run.entries().size(), requests, run.failures().size(), exhausted ? ", budget exhausted: checkpoint saved" : "",
                    manifest == null ? ", no manifest (nothing changed)" : ", manifest " + manifest);
        }
        return lastOutcome;
    }

    /** Athletes to sync: the env athlete (bootstrapped on first use) and every connected athlete. */
    private Map<Long, Optional<StravaResponse>> athletes(IngestRun run) {
        Map<Long, Optional<StravaResponse>> athletes = new LinkedHashMap<>();
        try {
            tokens.envAthlete().ifPresent(env -> athletes.put(env.athleteId(), env.athletePayload()));
        } catch (StravaException.Refused e) {
            run.failure("STRAVA_REFRESH_TOKEN: " + e.getMessage());
            LOG.errorf("the athlete of STRAVA_REFRESH_TOKEN is not synced: %s", e.getMessage());
        }
        for (long id : tokenStore.athletes()) {
            athletes.putIfAbsent(id, Optional.empty());
        }
        if (athletes.isEmpty()) {
            LOG.warn("no athlete to sync: set STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET and STRAVA_REFRESH_TOKEN, or connect"
                    + " athletes at GET /oauth/connect (docs/ingest.md §Connect Strava)");
        }
        return athletes;
    }

    /** Saves every cursor touched, writes the manifest (last), then drops the journal. */
    private String finish(IngestRun run) {
        try {
            for (long athleteId : run.athleteIds()) {
                sync.checkpoint(run, states.load(athleteId));
            }
            Optional<String> manifest = raw.writeManifest(run);
            states.closeJournal(run.id());
            return manifest.orElse(null);
        } catch (LakeException e) {
            LOG.errorf("run %s could not publish its manifest (%s): the next run publishes it from the journal", run.id(), e.getMessage());
            return null;
        }
    }

    /** Publishes manifests of runs that were killed after writing objects (their journal survived). */
    private void recoverJournals(String currentRunId) {
        for (Map.Entry<String, List<SyncStateStore.JournalChunk>> orphan : states.orphanJournals(currentRunId).entrySet()) {
            String runId = orphan.getKey();
            if (lake.stat(LakeLayout.ingestManifest(runId)).isEmpty()) {
                Map<String, IngestManifest.Entry> entries = new LinkedHashMap<>();
                TreeSet<Long> athletes = new TreeSet<>();
                SyncStateStore.JournalChunk first = orphan.getValue().get(0);
                for (SyncStateStore.JournalChunk chunk : orphan.getValue()) {
                    for (IngestManifest.Entry e : chunk.entries()) {
                        entries.put(e.path(), e);
                        athletes.add(e.athleteId());
                    }
                }
                String path = raw.writeManifest(runId, first.startedAt(), first.trigger(), new ArrayList<>(athletes),
                        new ArrayList<>(entries.values()));
                LOG.warnf("run %s was interrupted before its manifest: published %s from its journal (%d objects)",
                        runId, path, entries.size());
            }
            states.closeJournal(runId);
        }
    }
}
