package dev.paceline.ingest.importer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Progress of the running (or last) import: files done of total, files per second and ETA. Published to the lake
 * ({@code state/ingest/import-progress.json}) as it goes, so /sync/status of the ingest service shows an import that
 * runs in another process (the CLI's or the cluster's import Job).
 */
@ApplicationScoped
public class ImportProgress {

    static final String STATE_NAME = "import-progress.json";

    private final Clock clock;
    private final Lake lake;
    private final ObjectMapper json;
    private volatile String runId;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long total;
    private volatile long done;

    public ImportProgress(Clock clock, Lake lake, ObjectMapper json) {
        this.clock = clock;
        this.lake = lake;
        this.json = json;
    }

    /**
     * @param running an import is running
     * @param runId its run id
     * @param done files (and file-less CSV rows) handled
     * @param total files and rows to handle
     * @param filesPerSecond rate so far
     * @param eta estimated end (ISO-8601), null when not running
     * @param startedAt start (ISO-8601)
     * @param finishedAt end of the last import (ISO-8601), null while running
     */
    @RegisterForReflection
    public record Snapshot(
            @JsonProperty("running") boolean running,
            @JsonProperty("run_id") String runId,
            @JsonProperty("done") long done,
            @JsonProperty("total") long total,
            @JsonProperty("files_per_second") double filesPerSecond,
            @JsonProperty("eta") String eta,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt) {

        /** One progress line for logs and the CLI. */
        public String line() {
            return String.format("import progress: %d/%d files, %.1f files/s, ETA %s", done, total, filesPerSecond,
                    eta == null ? "-" : eta);
        }
    }

    void start(String runId, long total) {
        this.runId = runId;
        this.total = total;
        this.done = 0;
        this.startedAt = clock.instant();
        this.finishedAt = null;
    }

    void advance() {
        done++;
    }

    void finish() {
        if (startedAt != null) {
            finishedAt = clock.instant();
            publish();
        }
    }

    /** Writes the current snapshot to the lake; progress is advisory, so a failed write is not an import failure. */
    void publish() {
        Snapshot s = snapshot();
        if (s == null) {
            return;
        }
        try {
            lake.put(LakeLayout.state("ingest", STATE_NAME), json.writeValueAsBytes(s));
        } catch (IOException | RuntimeException e) {
            org.jboss.logging.Logger.getLogger(ImportProgress.class).debugf("import progress not published: %s", e);
        }
    }

    /** This process's import, or else the last one published to the lake by any process; null when none ran. */
    public Snapshot current() {
        Snapshot mine = snapshot();
        if (mine != null) {
            return mine;
        }
        try {
            return lake.get(LakeLayout.state("ingest", STATE_NAME)).map(b -> {
                try {
                    return json.readValue(b, Snapshot.class);
                } catch (IOException e) {
                    return null;
                }
            }).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The current state, or null when no import ran in this process. */
    public Snapshot snapshot() {
        Instant start = startedAt;
        if (start == null) {
            return null;
        }
        Instant end = finishedAt;
        Instant now = end != null ? end : clock.instant();
        double secs = Math.max(1e-3, Duration.between(start, now).toMillis() / 1000.0);
        long d = done;
        double rate = d / secs;
        String eta = null;
        if (end == null && rate > 0) {
            eta = now.plusMillis((long) ((total - d) / rate * 1000)).toString();
        }
        return new Snapshot(end == null, runId, d, total, Math.round(rate * 10) / 10.0, eta, start.toString(),
                end == null ? null : end.toString());
    }
}
