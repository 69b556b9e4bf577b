package dev.paceline.ingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.contract.RawEnvelope;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.lake.PreconditionFailedException;
import dev.paceline.platform.lake.PutCondition;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes raw envelopes to the lake: one compact JSON line, payload embedded verbatim, skipped when the stored
 * payload has the same SHA-256 (idempotent), conditional on the generation read (atomic against a concurrent
 * writer). An unchanged object left by a run that never wrote its manifest (killed mid-run) is adopted into the
 * current run's manifest, so no object is ever invisible to the transform.
 */
@ApplicationScoped
@RegisterForReflection(targets = {RawEnvelope.class, IngestManifest.class, IngestManifest.Entry.class})
public class RawWriter {

    private final Lake lake;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Boolean> manifestSeen = new ConcurrentHashMap<>();

    public RawWriter(Lake lake, ObjectMapper json, Clock clock) {
        this.lake = lake;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes {@code payload} (or a null payload) in an envelope at {@code path} unless the same payload is stored.
     *
     * @return the manifest entry when the object was written or adopted
     * @throws MalformedPayloadException when {@code payload} is not valid JSON
     */
    public Optional<IngestManifest.Entry> write(IngestRun run, String kind, String path, long athleteId, long objectId,
            String source, byte[] payload) {
        String payloadText = payload == null ? null : compactJson(payload, source);
        String sha = sha256(payload == null ? "null".getBytes(StandardCharsets.US_ASCII) : payload);
        for (int attempt = 0; ; attempt++) {
            Optional<ObjectInfo> existing = lake.stat(path);
            if (existing.isPresent()) {
                Optional<JsonNode> stored = lake.get(path).flatMap(this::readTree);
                if (stored.isPresent() && sha.equals(stored.get().path("payload_sha256").asText(null))) {
                    String writer = stored.get().path("run_id").asText("");
                    if (!writer.equals(run.id()) && !manifestExists(writer)) {
                        IngestManifest.Entry adopted = entry(existing.get(), kind, athleteId, objectId, "created");
                        run.record(adopted);
                        return Optional.of(adopted);
                    }
                    return Optional.empty();
                }
            }
            RawEnvelope envelope = new RawEnvelope(RawEnvelope.VERSION, kind, athleteId, objectId,
                    clock.instant().toString(), run.id(), source, sha, payloadText);
            byte[] bytes;
            try {
                bytes = json.writeValueAsBytes(envelope);
            } catch (IOException e) {
                throw new IllegalStateException("serializing the envelope for " + path + " failed", e);
            }
            try {
                PutCondition condition = existing.map(i -> PutCondition.ifGenerationMatches(i.generation()))
                        .orElse(PutCondition.ifAbsent());
                if (existing.isPresent() && existing.get().generation() == 0) {
                    condition = PutCondition.none();
                }
                ObjectInfo written = lake.put(path, bytes, condition);
                IngestManifest.Entry entry = entry(written, kind, athleteId, objectId,
                        existing.isPresent() ? "updated" : "created");
                run.record(entry);
                return Optional.of(entry);
            } catch (PreconditionFailedException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /** Deletes an object and records the deletion; false when there was none. */
    public boolean delete(IngestRun run, String path, String kind, long athleteId, long objectId) {
        if (!lake.delete(path)) {
            return false;
        }
        run.record(new IngestManifest.Entry(path, kind, athleteId, objectId, "deleted", 0, null));
        return true;
    }

    /** Writes the run's manifest (last), unless the run changed nothing. */
    public Optional<String> writeManifest(IngestRun run) {
        List<IngestManifest.Entry> entries = run.entries();
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(writeManifest(run.id(), run.startedAt().toString(), run.trigger(), run.athleteIds(), entries));
    }

    /** Writes a manifest for {@code runId} (also used to publish a killed run's journal). */
    public String writeManifest(String runId, String startedAt, String trigger, List<Long> athletes,
            List<IngestManifest.Entry> entries) {
        // Built as a tree in the field order of IngestManifest: no reflection on the platform's records.
        com.fasterxml.jackson.databind.node.ObjectNode manifest = json.createObjectNode();
        manifest.put("layout_version", LakeLayout.VERSION);
        manifest.put("run_id", runId);
        manifest.put("started_at", startedAt);
        manifest.put("finished_at", clock.instant().toString());
        manifest.put("trigger", trigger);
        com.fasterxml.jackson.databind.node.ArrayNode ids = manifest.putArray("athlete_ids");
        athletes.forEach(ids::add);
        com.fasterxml.jackson.databind.node.ArrayNode objects = manifest.putArray("objects");
        entries.forEach(e -> objects.add(entryNode(e)));
        String path = LakeLayout.ingestManifest(runId);
        try {
            lake.put(path, json.writeValueAsBytes(manifest), PutCondition.ifAbsent());
        } catch (IOException e) {
            throw new IllegalStateException("serializing manifest " + runId + " failed", e);
        }
        manifestSeen.put(runId, true);
        return path;
    }

    /** Top-level elements of a JSON array, each as its verbatim bytes. */
    public List<byte[]> arrayElements(byte[] array, String source) {
        List<byte[]> elements = new ArrayList<>();
        try (JsonParser parser = json.getFactory().createParser(array)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedPayloadException(source, "expected a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new MalformedPayloadException(source, "the array is not closed");
                }
                long start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                long end = parser.currentLocation().getByteOffset();
                byte[] element = new byte[(int) (end - start)];
                System.arraycopy(array, (int) start, element, 0, element.length);
                elements.add(element);
            }
            if (parser.nextToken() != null) {
                throw new MalformedPayloadException(source, "content after the array");
            }
        } catch (IOException e) {
            throw new MalformedPayloadException(source, String.valueOf(e.getMessage()).split("\n")[0]);
        }
        return elements;
    }

    /** Parses a payload, naming the source when it is not valid JSON. */
    public JsonNode parse(byte[] payload, String source) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || node.isMissingNode()) {
                throw new MalformedPayloadException(source, "empty body");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedPayloadException(source, e.getMessage().split("\n")[0]);
        }
    }

    /** A manifest entry as JSON, in the field order of {@link IngestManifest.Entry}. */
    public com.fasterxml.jackson.databind.node.ObjectNode entryNode(IngestManifest.Entry e) {
        com.fasterxml.jackson.databind.node.ObjectNode node = json.createObjectNode();
        node.put("path", e.path());
        node.put("kind", e.kind());
        node.put("athlete_id", e.athleteId());
        node.put("object_id", e.objectId());
        node.put("change", e.change());
        node.put("generation", e.generation());
        node.put("content_hash", e.contentHash());
        return node;
    }

    /** The entry written by {@link #entryNode}. */
    public static IngestManifest.Entry entryOf(JsonNode n) {
        return new IngestManifest.Entry(n.path("path").asText(), n.path("kind").asText(), n.path("athlete_id").asLong(),
                n.path("object_id").asLong(), n.path("change").asText(), n.path("generation").asLong(),
                n.hasNonNull("content_hash") ? n.get("content_hash").asText() : null);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String compactJson(byte[] payload, String source) {
        parse(payload, source);
        String text = new String(payload, StandardCharsets.UTF_8).strip();
        // A raw line break can only be whitespace between tokens in valid JSON: replacing it keeps the payload lossless.
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? text.replace('\r', ' ').replace('\n', ' ') : text;
    }

    private boolean manifestExists(String runId) {
        if (runId.isEmpty()) {
            return false;
        }
        Boolean seen = manifestSeen.get(runId);
        if (seen != null) {
            return seen;
        }
        boolean exists = lake.stat(LakeLayout.ingestManifest(runId)).isPresent();
        if (exists) {
            manifestSeen.put(runId, true);
        }
        return exists;
    }

    private Optional<JsonNode> readTree(byte[] bytes) {
        try {
            return Optional.ofNullable(json.readTree(bytes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static IngestManifest.Entry entry(ObjectInfo info, String kind, long athleteId, long objectId, String change) {
        return new IngestManifest.Entry(info.path(), kind, athleteId, objectId, change, info.generation(), info.contentHash());
    }
}
