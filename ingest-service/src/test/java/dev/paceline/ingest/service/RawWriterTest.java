package dev.paceline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.MutableClock;
import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.layout.LakeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawWriterTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:15:02Z"));

    private static final String PAYLOAD = "{\"id\":1946417534,\"name\":\"Morning  Run\",\"distance\":22539.6,"
            + "\"start_date\":\"2018-03-28T23:51:34Z\",\"big\":12345678901234567890,\"f\":1.10}";

    @Test
    void writesOneCompactLineWithThePayloadVerbatimAndSkipsUnchangedPayloads() throws Exception {
        FileLake lake = new FileLake(dir);
        RawWriter writer = new RawWriter(lake, json, clock);
        IngestRun run = new IngestRun("job", clock.instant());
        String path = LakeLayout.activity(26462176, 1946417534L);

        Optional<IngestManifest.Entry> first = writer.write(run, "activity", path, 26462176, 1946417534L,
                "GET /activities/1946417534", PAYLOAD.getBytes(StandardCharsets.UTF_8));
        assertThat(first).isPresent();
        assertThat(first.get().change()).isEqualTo("created");
        String stored = new String(lake.get(path).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("\n");
        assertThat(stored).contains("\"payload\":" + PAYLOAD + "}");
        JsonNode envelope = json.readTree(stored);
        assertThat(envelope.path("envelope_version").asInt()).isEqualTo(1);
        assertThat(envelope.path("kind").asText()).isEqualTo("activity");
        assertThat(envelope.path("athlete_id").asLong()).isEqualTo(26462176);
        assertThat(envelope.path("object_id").asLong()).isEqualTo(1946417534L);
        assertThat(envelope.path("fetched_at").asText()).isEqualTo("2026-11-27T10:15:02Z");
        assertThat(envelope.path("run_id").asText()).isEqualTo(run.id()).startsWith("20261127T101502Z-");
        assertThat(envelope.path("payload_sha256").asText()).isEqualTo(RawWriter.sha256(PAYLOAD.getBytes(StandardCharsets.UTF_8)));

        long generation = lake.stat(path).orElseThrow().generation();
        IngestRun second = new IngestRun("job", clock.instant());
        writer.writeManifest(run);
        assertThat(writer.write(second, "activity", path, 26462176, 1946417534L, "GET /activities/1946417534",
                PAYLOAD.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(lake.stat(path).orElseThrow().generation()).isEqualTo(generation);
        assertThat(second.entries()).isEmpty();

        String edited = PAYLOAD.replace("Morning  Run", "Evening Run");
        Optional<IngestManifest.Entry> changed = writer.write(second, "activity", path, 26462176, 1946417534L,
                "GET /activities/1946417534", edited.getBytes(StandardCharsets.UTF_8));
        assertThat(changed.orElseThrow().change()).isEqualTo("updated");
        assertThat(changed.get().generation()).isGreaterThan(generation);
        assertThat(new String(lake.get(path).orElseThrow(), StandardCharsets.UTF_8)).contains("Evening Run");
    }

    @Test
    void adoptsAnUnchangedObjectWhoseRunNeverPublishedAManifest() {
        FileLake lake = new FileLake(dir);
        RawWriter writer = new RawWriter(lake, json, clock);
        IngestRun killed = new IngestRun("job", clock.instant());
        String path = LakeLayout.streams(1, 2);
        writer.write(killed, "streams", path, 1, 2, "GET /activities/2/streams", "{\"time\":{\"data\":[0,1]}}".getBytes(StandardCharsets.UTF_8));
        // the process dies here: no manifest for `killed`
        IngestRun resumed = new IngestRun("job", clock.instant());
        Optional<IngestManifest.Entry> adopted = new RawWriter(lake, json, clock).write(resumed, "streams", path, 1, 2,
                "GET /activities/2/streams", "{\"time\":{\"data\":[0,1]}}".getBytes(StandardCharsets.UTF_8));
        assertThat(adopted.orElseThrow().change()).isEqualTo("created");
        assertThat(resumed.entries()).extracting(IngestManifest.Entry::path).containsExactly(path);
    }

    @Test
    void nullPayloadsForTombstonesAndNoStreams() throws Exception {
        FileLake lake = new FileLake(dir);
        RawWriter writer = new RawWriter(lake, json, clock);
        IngestRun run = new IngestRun("webhook", clock.instant());
        String path = LakeLayout.deletion(1, 5);
        writer.write(run, "deletion", path, 1, 5, "webhook delete", null);
        JsonNode envelope = json.readTree(lake.get(path).orElseThrow());
        assertThat(envelope.get("payload").isNull()).isTrue();
        assertThat(envelope.path("source").asText()).isEqualTo("webhook delete");
        assertThat(writer.write(run, "deletion", path, 1, 5, "webhook delete", null)).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedNamingTheSource() {
        RawWriter writer = new RawWriter(new FileLake(dir), json, clock);
        IngestRun run = new IngestRun("job", clock.instant());
        assertThatThrownBy(() -> writer.write(run, "activity", LakeLayout.activity(1, 9), 1, 9, "GET /activities/9",
                "{\"id\":9,\"name\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("GET /activities/9 answered malformed JSON")
                .hasMessageContaining("retried on the next runs");
        assertThat(run.entries()).isEmpty();
    }

    @Test
    void lineBreaksBetweenTokensAreCompactedLosslessly() throws Exception {
        FileLake lake = new FileLake(dir);
        RawWriter writer = new RawWriter(lake, json, clock);
        IngestRun run = new IngestRun("job", clock.instant());
        String pretty = "{\n  \"id\": 3,\n  \"description\": \"line one\\nline two\"\r\n}";
        writer.write(run, "activity", LakeLayout.activity(1, 3), 1, 3, "GET /activities/3", pretty.getBytes(StandardCharsets.UTF_8));
        String stored = new String(lake.get(LakeLayout.activity(1, 3)).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(stored.lines()).hasSize(1);
        assertThat(json.readTree(stored).get("payload")).isEqualTo(json.readTree(pretty));
    }

    @Test
    void splitsAListIntoVerbatimElements() {
        RawWriter writer = new RawWriter(new FileLake(dir), json, clock);
        String a = "{\"id\":1,\"name\":\"a [x]\",\"map\":{\"id\":\"m\"}}";
        String b = "{\"id\":2,\"distance\":1.50}";
        List<byte[]> elements = writer.arrayElements(("[" + a + ", " + b + "]").getBytes(StandardCharsets.UTF_8), "list");
        assertThat(elements).extracting(e -> new String(e, StandardCharsets.UTF_8)).containsExactly(a, b);
        assertThat(writer.arrayElements("[]".getBytes(StandardCharsets.UTF_8), "list")).isEmpty();
        assertThatThrownBy(() -> writer.arrayElements("[{\"id\":1},".getBytes(StandardCharsets.UTF_8), "GET /athlete/activities"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("GET /athlete/activities");
        assertThatThrownBy(() -> writer.arrayElements("{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8), "list"))
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void manifestListsEveryChangeAndIsSkippedWhenNothingChanged() throws Exception {
        FileLake lake = new FileLake(dir);
        RawWriter writer = new RawWriter(lake, json, clock);
        IngestRun empty = new IngestRun("schedule", clock.instant());
        assertThat(writer.writeManifest(empty)).isEmpty();
        IngestRun run = new IngestRun("schedule", clock.instant());
        writer.write(run, "activity", LakeLayout.activity(1, 3), 1, 3, "s", "{}".getBytes(StandardCharsets.UTF_8));
        writer.delete(run, LakeLayout.activity(1, 3), "activity", 1, 3);
        writer.write(run, "streams", LakeLayout.streams(1, 4), 1, 4, "s", "{}".getBytes(StandardCharsets.UTF_8));
        String path = writer.writeManifest(run).orElseThrow();
        JsonNode manifest = json.readTree(lake.get(path).orElseThrow());
        assertThat(manifest.path("run_id").asText()).isEqualTo(run.id());
        assertThat(manifest.path("layout_version").asInt()).isEqualTo(1);
        assertThat(manifest.path("objects")).hasSize(2);
        assertThat(manifest.path("objects").get(0).path("change").asText()).isEqualTo("deleted");
        assertThat(manifest.path("objects").get(1).path("kind").asText()).isEqualTo("streams");
        assertThat(manifest.path("athlete_ids").get(0).asLong()).isEqualTo(1);
    }
}
