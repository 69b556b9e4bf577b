package dev.paceline.transform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** transform-service settings ({@code paceline.transform.*}). */
@ConfigMapping(prefix = "paceline.transform")
public interface TransformConfig {

    /** Folder whose {@code <seed>.csv} files replace the shipped seeds (same header); unset: shipped seeds only. */
    Optional<String> seedsDir();

    /** How often to look for new ingest manifests; runs start only when there is something new. */
    @WithDefault("60s")
    Duration pollInterval();

    /** Whether the poller runs at all (off in job mode and in tests that drive runs themselves). */
    @WithDefault("true")
    boolean pollEnabled();

    /** How many serving builds to keep (older ones are deleted unless a kept build reuses their partitions). */
    @WithDefault("5")
    int keepBuilds();

    /** How long a run's lease is valid without renewal; a crashed run's lease expires after this. */
    @WithDefault("10m")
    Duration leaseTtl();

    /** Most raw objects loaded in one warehouse load job (manifests are batched up to this size). */
    @WithDefault("5000")
    int loadBatchObjects();

    /** Version of the mart schemas written into serving manifests (docs/data-contracts.md). */
    @WithDefault("1")
    int servingSchemaVersion();

    /** Model selection of the run in job mode (PACELINE_MODE=job), e.g. {@code stg_strava__activities+}; unset: all. */
    Optional<String> jobSelection();

    /**
     * Freshness check (a warn-severity test of every run): warns when the newest raw object the warehouse holds was
     * fetched longer ago than this, i.e. ingest has not delivered anything for that long.
     */
    @WithDefault("P7D")
    Duration freshnessMaxAge();

    /**
     * Opt-in models to build (models whose config says {@code enabled=false}), e.g. {@code stg_strava__streams}: one
     * row per stream sample, for SQL over samples; off, raw streams are not loaded into the warehouse at all.
     */
    Optional<Set<String>> enableModels();

    /** Raw objects larger than this many bytes are quarantined (listed in GET /runs) instead of loaded. */
    @WithDefault("67108864")
    long maxRawObjectBytes();

    /** How many finished runs GET /runs keeps in memory. */
    @WithDefault("50")
    int runHistory();
}
