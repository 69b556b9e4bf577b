package dev.paceline.platform.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * Every object under {@code raw/} is one line of compact JSON: this envelope with the payload embedded verbatim
 * (lossless: the bytes Strava returned, not re-serialized). One object = one NDJSON row, so warehouses load many
 * objects at once. {@code payload_sha256} lets a writer skip unchanged payloads without comparing bytes.
 *
 * @param envelopeVersion 1
 * @param kind activity | streams | athlete | zones | deletion | deauthorization
 * @param athleteId owner athlete
 * @param objectId activity id (activity, streams, deletion), athlete id otherwise
 * @param fetchedAt ISO-8601 UTC instant of the fetch (or of the event for tombstones)
 * @param runId ingest run that wrote it
 * @param source what produced it, e.g. {@code GET /activities/123}, {@code webhook delete}, {@code reconciliation}
 * @param payloadSha256 hex SHA-256 of the payload bytes
 * @param payload the raw JSON payload ({@code null} for tombstones without a body)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RawEnvelope(
        @JsonProperty("envelope_version") int envelopeVersion,
        @JsonProperty("kind") String kind,
        @JsonProperty("athlete_id") long athleteId,
        @JsonProperty("object_id") long objectId,
        @JsonProperty("fetched_at") String fetchedAt,
        @JsonProperty("run_id") String runId,
        @JsonProperty("source") String source,
        @JsonProperty("payload_sha256") String payloadSha256,
        @JsonProperty("payload") @JsonRawValue String payload) {

    public static final int VERSION = 1;
}
