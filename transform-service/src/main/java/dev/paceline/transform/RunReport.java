package dev.paceline.transform;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One transform run, as GET /runs/{id} shows it.
 *
 * @param id sortable run id (UTC time first)
 * @param trigger poll | api | job | test
 * @param selection model selection, or null for everything
 * @param fullRefresh incremental models rebuilt from scratch
 * @param status running | succeeded | failed | skipped (nothing new) | rejected (another run holds the lease)
 * @param startedAt ISO-8601 UTC
 * @param finishedAt ISO-8601 UTC, null while running
 * @param manifestsLoaded ingest manifests consumed by this run
 * @param objectsLoaded raw objects loaded
 * @param models per-model results in build order
 * @param tests per-test results
 * @param buildId the serving build published, or null (nothing published: failure, or nothing to serve)
 * @param error why the run failed, or null
 * @param heldAthletes athletes held at their last good build because rows of theirs fail data tests (everyone else
 *                     was published)
 * @param quarantined raw objects in quarantine after this run (newest first, at most 100)
 */
@RegisterForReflection
public record RunReport(
        String id,
        String trigger,
        String selection,
        boolean fullRefresh,
        String status,
        String startedAt,
        String finishedAt,
        int manifestsLoaded,
        long objectsLoaded,
        List<ModelResult> models,
        List<TestResult> tests,
        String buildId,
        String error,
        List<HeldAthlete> heldAthletes,
        List<QuarantinedObject> quarantined) {

    public RunReport {
        heldAthletes = heldAthletes == null ? List.of() : List.copyOf(heldAthletes);
        quarantined = quarantined == null ? List.of() : List.copyOf(quarantined);
    }

    /** A report with nobody held and nothing quarantined (runs that never reached the load or the tests). */
    public RunReport(String id, String trigger, String selection, boolean fullRefresh, String status, String startedAt,
            String finishedAt, int manifestsLoaded, long objectsLoaded, List<ModelResult> models, List<TestResult> tests,
            String buildId, String error) {
        this(id, trigger, selection, fullRefresh, status, startedAt, finishedAt, manifestsLoaded, objectsLoaded, models, tests,
                buildId, error, List.of(), List.of());
    }
}
