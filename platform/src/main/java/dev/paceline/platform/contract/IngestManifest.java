package dev.paceline.platform.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code manifests/ingest/<run_id>.json}: what one ingest run wrote, changed or deleted. Written last, after every
 * object it lists, so a reader that sees the manifest sees all of its objects. Runs that changed nothing write none.
 *
 * @param layoutVersion {@link dev.paceline.platform.layout.LakeLayout#VERSION}
 * @param runId sortable run id (UTC time first), also the file name
 * @param startedAt ISO-8601 UTC
 * @param finishedAt ISO-8601 UTC
 * @param trigger schedule | job | webhook | backfill | manual | reconciliation
 * @param athleteIds athletes touched by the run
 * @param objects every object the run wrote or deleted
 */
public record IngestManifest(
        @JsonProperty("layout_version") int layoutVersion,
        @JsonProperty("run_id") String runId,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") String finishedAt,
        @JsonProperty("trigger") String trigger,
        @JsonProperty("athlete_ids") List<Long> athleteIds,
        @JsonProperty("objects") List<Entry> objects) {

    /**
     * @param path lake path
     * @param kind as in {@link RawEnvelope#kind()}
     * @param athleteId owner
     * @param objectId activity id or athlete id
     * @param change created | updated | deleted (deleted: the object was removed from the lake, e.g. a purge)
     * @param generation lake generation written (0 for deletions)
     * @param contentHash lake content hash written (null for deletions)
     */
    public record Entry(
            @JsonProperty("path") String path,
            @JsonProperty("kind") String kind,
            @JsonProperty("athlete_id") long athleteId,
            @JsonProperty("object_id") long objectId,
            @JsonProperty("change") String change,
            @JsonProperty("generation") long generation,
            @JsonProperty("content_hash") String contentHash) {
    }
}
