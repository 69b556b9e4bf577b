package dev.paceline.ingest.importer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one import did: activities imported (new or changed), unchanged (already in the lake as read), merged with
 * an activity the Strava API had delivered, and the files or rows skipped (with the reason) or failed (file and
 * reason). {@link #exitCode()}: 0 when everything imported or was skipped for a stated reason, 2 when some failed and
 * the rest landed, 1 when nothing could be read.
 *
 * @param runId the ingest run (and manifest) id, null when nothing was written
 * @param athleteId the athlete imported into
 * @param imported activities written
 * @param unchanged activities already in the lake as read
 * @param merged activities matched to an API activity (metadata kept from Strava; samples from the denser source)
 * @param skipped files or rows left out on purpose, with the reason
 * @param failed files or rows that could not be read, with the reason (a CSV row whose file failed is still
 *     imported from its CSV values and listed here)
 * @param files activity files read
 * @param seconds wall time
 */
public record ImportReport(
        @JsonProperty("run_id") String runId,
        @JsonProperty("athlete_id") long athleteId,
        @JsonProperty("imported") int imported,
        @JsonProperty("unchanged") int unchanged,
        @JsonProperty("merged") int merged,
        @JsonProperty("skipped") List<Line> skipped,
        @JsonProperty("failed") List<Line> failed,
        @JsonProperty("files") int files,
        @JsonProperty("seconds") double seconds) {

    /** One file or row and why. */
    public record Line(@JsonProperty("file") String file, @JsonProperty("reason") String reason) {
    }

    /** 0 all landed or skipped with a reason; 2 some failed, the rest landed; 1 nothing could be read. */
    public int exitCode() {
        if (failed.isEmpty()) {
            return imported + unchanged + merged == 0 && skipped.isEmpty() ? 1 : 0;
        }
        return imported + unchanged + merged > 0 ? 2 : 1;
    }

    /** The report as the CLI prints it. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("import report: athlete %d, %d imported, %d unchanged, %d merged with API activities, "
                + "%d skipped, %d failed (%d files in %.1f s)%n", athleteId, imported, unchanged, merged,
                skipped.size(), failed.size(), files, seconds));
        skipped.forEach(l -> b.append("  skipped ").append(l.file()).append(": ").append(l.reason()).append('\n'));
        failed.forEach(l -> b.append("  FAILED  ").append(l.file()).append(": ").append(l.reason()).append('\n'));
        return b.toString();
    }
}
