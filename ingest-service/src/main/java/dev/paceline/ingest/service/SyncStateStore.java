package dev.paceline.ingest.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Durable ingest state in the lake: athletes' cursors and the run journal. The journal holds the manifest entries of
 * a run as it goes ({@code state/ingest/journal/<run_id>/<seq>.json}); a run killed before its manifest is published
 * from the journal by the next run, so every object written reaches a manifest.
 */
@ApplicationScoped
public class SyncStateStore {

    private static final Logger LOG = Logger.getLogger(SyncStateStore.class);
    private static final String JOURNAL = LakeLayout.state("ingest", "journal/");

    private final Lake lake;
    private final ObjectMapper json;
    private final RawWriter raw;
    private final Map<Long, SyncState> cache = new ConcurrentHashMap<>();
    private final Map<String, Integer> journalSeq = new ConcurrentHashMap<>();
    private final Map<String, Integer> journaled = new ConcurrentHashMap<>();

    public SyncStateStore(Lake lake, ObjectMapper json, RawWriter raw) {
        this.raw = raw;
        this.lake = lake;
        this.json = json;
    }

    public static String statePath(long athleteId) {
        return LakeLayout.state("ingest", "athlete_id=" + athleteId + "/sync.json");
    }

    /** The athlete's state (cached for the worker; {@link #forget()} drops the cache). */
    public SyncState load(long athleteId) {
        return cache.computeIfAbsent(athleteId, id -> lake.get(statePath(id)).map(bytes -> {
            try {
                return json.readValue(bytes, SyncState.class);
            } catch (IOException e) {
                throw new IllegalStateException("the ingest cursor " + lake.uri(statePath(id)) + " is unreadable ("
                        + e.getMessage().split("\n")[0] + "): restore it from a backup or delete it to backfill the athlete"
                        + " again (idempotent writes keep the lake unchanged)", e);
            }
        }).orElseGet(() -> new SyncState(id)));
    }

    /** Existing state only (no new empty state), for read-only views. */
    public Optional<SyncState> peek(long athleteId) {
        SyncState cached = cache.get(athleteId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return lake.stat(statePath(athleteId)).map(i -> load(athleteId));
    }

    public void save(SyncState state) {
        try {
            lake.put(statePath(state.athleteId), json.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new IllegalStateException("serializing the cursor of athlete " + state.athleteId + " failed", e);
        }
    }

    public void forget() {
        cache.clear();
    }

    /** Appends the run's entries not yet journaled; call before saving the cursor that depends on them. */
    public void journal(IngestRun run) {
        List<IngestManifest.Entry> all = run.entries();
        int done = journaled.getOrDefault(run.id(), 0);
        if (all.size() <= done) {
            return;
        }
        int seq = journalSeq.merge(run.id(), 1, Integer::sum);
        com.fasterxml.jackson.databind.node.ObjectNode chunk = json.createObjectNode();
        chunk.put("run_id", run.id());
        chunk.put("started_at", run.startedAt().toString());
        chunk.put("trigger", run.trigger());
        com.fasterxml.jackson.databind.node.ArrayNode entries = chunk.putArray("entries");
        all.subList(done, all.size()).forEach(e -> entries.add(raw.entryNode(e)));
        try {
            lake.put(JOURNAL + run.id() + "/" + String.format("%08d", seq) + ".json", json.writeValueAsBytes(chunk));
        } catch (IOException e) {
            throw new IllegalStateException("serializing the journal of run " + run.id() + " failed", e);
        }
        journaled.put(run.id(), all.size());
    }

    /** Deletes a run's journal once its manifest is written. */
    public void closeJournal(String runId) {
        for (ObjectInfo info : lake.listAll(JOURNAL + runId + "/")) {
            lake.delete(info.path());
        }
        journalSeq.remove(runId);
        journaled.remove(runId);
    }

    /** Journals of runs other than {@code currentRunId} that never published a manifest, by run id. */
    public Map<String, List<JournalChunk>> orphanJournals(String currentRunId) {
        Map<String, List<JournalChunk>> runs = new LinkedHashMap<>();
        for (ObjectInfo info : lake.listAll(JOURNAL)) {
            Optional<byte[]> bytes = lake.get(info.path());
            if (bytes.isEmpty()) {
                continue;
            }
            try {
                com.fasterxml.jackson.databind.JsonNode node = json.readTree(bytes.get());
                List<IngestManifest.Entry> entries = new ArrayList<>();
                node.path("entries").forEach(e -> entries.add(RawWriter.entryOf(e)));
                JournalChunk chunk = new JournalChunk(node.path("run_id").asText(), node.path("started_at").asText(),
                        node.path("trigger").asText(), entries);
                if (!chunk.runId().isEmpty() && !chunk.runId().equals(currentRunId)) {
                    runs.computeIfAbsent(chunk.runId(), k -> new ArrayList<>()).add(chunk);
                }
            } catch (IOException e) {
                LOG.warnf("ignoring unreadable journal object %s: %s", info.path(), e.getMessage());
            }
        }
        return runs;
    }

    /**
     * Manifest entries written by a run, journaled before the cursor that depends on them.
     *
     * @param runId run
     * @param startedAt ISO-8601
     * @param trigger run trigger
     * @param entries entries of this chunk
     */
    @RegisterForReflection
    public record JournalChunk(
            @com.fasterxml.jackson.annotation.JsonProperty("run_id") String runId,
            @com.fasterxml.jackson.annotation.JsonProperty("started_at") String startedAt,
            @com.fasterxml.jackson.annotation.JsonProperty("trigger") String trigger,
            @com.fasterxml.jackson.annotation.JsonProperty("entries") List<IngestManifest.Entry> entries) {
    }
}
