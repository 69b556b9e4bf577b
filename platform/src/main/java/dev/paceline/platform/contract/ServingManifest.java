package dev.paceline.platform.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code serving/builds/<build_id>/_manifest.json}: a complete serving snapshot. {@code serving/CURRENT} holds the
 * build id of the live build and is written after this manifest. A partition may live in an older build's folder
 * when its athlete was not touched by this build ({@link Partition#path()} says where).
 *
 * @param schemaVersion version of the mart schemas (docs/data-contracts.md)
 * @param buildId sortable build id (UTC time first)
 * @param createdAt ISO-8601 UTC
 * @param asOf ISO-8601 UTC time of the newest raw object the build read
 * @param lastIngestRunId newest ingest manifest consumed
 * @param marts mart name to its column list (name and BigQuery type), shared by every athlete partition
 * @param athletes athlete id (as string) to its partitions
 */
public record ServingManifest(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("build_id") String buildId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("last_ingest_run_id") String lastIngestRunId,
        @JsonProperty("marts") Map<String, List<MartColumn>> marts,
        @JsonProperty("athletes") Map<String, AthletePartitions> athletes) {

    public record MartColumn(@JsonProperty("name") String name, @JsonProperty("type") String type) {
    }

    /**
     * @param builtIn build id whose folder holds these partitions (this build or an older, reused one)
     * @param partitions mart name to partition
     */
    public record AthletePartitions(
            @JsonProperty("built_in") String builtIn,
            @JsonProperty("partitions") Map<String, Partition> partitions) {
    }

    /**
     * @param path lake path of the .ndjson.gz object
     * @param rows row count
     * @param sha256 hex SHA-256 of the object's bytes
     */
    public record Partition(
            @JsonProperty("path") String path,
            @JsonProperty("rows") long rows,
            @JsonProperty("sha256") String sha256) {
    }
}
