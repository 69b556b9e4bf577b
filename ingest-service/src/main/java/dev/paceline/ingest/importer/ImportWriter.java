package dev.paceline.ingest.importer;

import dev.paceline.ingest.service.IngestRun;
import dev.paceline.ingest.service.RawWriter;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.PutCondition;
import dev.paceline.platform.layout.LakeLayout;
import java.util.Optional;

/**
 * The import's only way into the lake, through the raw contract as the API path uses it (RawEnvelope, LakeLayout,
 * IngestManifest via {@link RawWriter}): an activity and a streams envelope per activity, unchanged payloads not
 * rewritten, the run's manifest last; originals verbatim beside them, named by content (written once).
 */
public final class ImportWriter {

    /** What writing an object did. */
    public enum Change { WRITTEN, UNCHANGED }

    private final Lake lake;
    private final RawWriter raw;

    public ImportWriter(Lake lake, RawWriter raw) {
        this.lake = lake;
        this.raw = raw;
    }

    public Change activity(IngestRun run, long athleteId, long activityId, String source, byte[] payload) {
        return change(raw.write(run, "activity", LakeLayout.activity(athleteId, activityId), athleteId, activityId,
                source, payload));
    }

    public Change streams(IngestRun run, long athleteId, long activityId, String source, byte[] payload) {
        return change(raw.write(run, "streams", LakeLayout.streams(athleteId, activityId), athleteId, activityId,
                source, payload));
    }

    /** Keeps the original file's bytes; content-addressed, so an existing object is the same bytes. */
    public void original(long athleteId, String sha256, String extension, byte[] bytes) {
        String path = LakeLayout.importedOriginal(athleteId, sha256, extension);
        if (lake.stat(path).isEmpty()) {
            try {
                lake.put(path, bytes, PutCondition.ifAbsent());
            } catch (dev.paceline.platform.lake.PreconditionFailedException e) {
                // written concurrently with the same content: nothing to do
            }
        }
    }

    /** Writes the run's manifest (after every object), unless it changed nothing. */
    public Optional<String> manifest(IngestRun run) {
        return raw.writeManifest(run);
    }

    private static Change change(Optional<?> entry) {
        return entry.isPresent() ? Change.WRITTEN : Change.UNCHANGED;
    }
}
