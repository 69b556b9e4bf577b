package dev.paceline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** What the ingest run fetches, when, and how much of Strava's budget it may spend. */
@ConfigMapping(prefix = "paceline.ingest")
public interface IngestConfig {

    /** Base64 of a 32-byte AES key that encrypts stored tokens (env PACELINE_TOKEN_KEY); generated for a local lake when empty. */
    Optional<String> tokenKey();

    /** Share of each Strava rate-limit window this app may spend (0 < share <= 1). */
    @WithDefault("0.9")
    double budgetShare();

    /** true: fetch the detailed activity (laps, splits, best efforts); false: keep the list summary only (lean mode). */
    @WithDefault("true")
    boolean details();

    /** Cron of the scheduled sync in service mode (Quartz-like, 6 fields); "off" disables it. */
    @WithDefault("0 30 3 * * ?")
    String schedule();

    /** How far before the watermark an incremental sync looks again, for late uploads and edits. */
    @WithDefault("7d")
    Duration overlap();

    /**
     * Run mode: "service" (HTTP + schedule + webhooks), "job" (one sync, then exit) or "import" (import the files at
     * PACELINE_IMPORT_URI, then exit) (env PACELINE_MODE).
     */
    @WithDefault("service")
    String mode();

    /** In job mode, the longest the run waits for a rate-limit window before it saves its checkpoint and exits. */
    @WithDefault("16m")
    Duration jobMaxWait();

    /** How often queued webhook events are processed in service mode. */
    @WithDefault("10s")
    String webhookPoll();

    /** A failed activity (e.g. malformed JSON) is retried on this many later runs before it is left for reconciliation. */
    @WithDefault("3")
    int maxAttempts();

    /** Reconciliation of activity ids against Strava (finds deletions that no webhook reported). */
    Reconcile reconcile();

    interface Reconcile {
        /** Minimum time between two reconciliations of an athlete. */
        @WithDefault("7d")
        Duration every();

        /** Reconcile on the next run regardless of the last one (env PACELINE_INGEST_RECONCILE=true). */
        @WithName("run-now")
        @WithDefault("false")
        boolean runNow();
    }

    /** true in job mode and import mode: one run from the main, no schedule. */
    default boolean jobMode() {
        return "job".equalsIgnoreCase(mode().trim()) || importMode();
    }

    /** true in import mode (PACELINE_MODE=import). */
    default boolean importMode() {
        return "import".equalsIgnoreCase(mode().trim());
    }
}
