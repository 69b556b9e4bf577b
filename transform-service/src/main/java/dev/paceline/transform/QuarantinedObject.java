package dev.paceline.transform;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A raw lake object the loader set aside instead of loading: it cannot be parsed or exceeds the size bound. Its next
 * version (ingest rewrites the same path) replaces it.
 *
 * @param path lake path
 * @param athleteId whose object it is (from the ingest manifest)
 * @param kind activity | streams | athlete | zones | deletion | deauthorization
 * @param ingestRunId the load batch (last ingest run) that quarantined it
 * @param reason why, and what fixes it
 * @param quarantinedAt when
 */
@RegisterForReflection
public record QuarantinedObject(String path, long athleteId, String kind, String ingestRunId, String reason, String quarantinedAt) {
}
