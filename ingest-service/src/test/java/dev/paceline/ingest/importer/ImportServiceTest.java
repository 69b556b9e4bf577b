package dev.paceline.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.MutableClock;
import dev.paceline.ingest.service.RawWriter;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import into a real FileLake, on the miniature export in src/test/resources/exports (see its README). */
class ImportServiceTest {

    private static final long ATHLETE = 31415926L;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private FileLake lake() {
        return new FileLake(dir.resolve("lake"));
    }

    private ImportService service(FileLake lake) {
        return new ImportService(lake, json, clock, new RawWriter(lake, json, clock), new ImportProgress(clock, lake, json));
    }

    private static Path exportFolder() throws URISyntaxException {
        return Path.of(ImportServiceTest.class.getResource("/exports/activities.csv").toURI()).getParent();
    }

    private Path exportZip() throws IOException, URISyntaxException {
        Path zip = dir.resolve("export_31415926.zip");
        Path root = exportFolder();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new ZipEntry(root.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("../escape.gpx"));
            out.write("<gpx/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    private JsonNode envelope(FileLake lake, String path) throws IOException {
        return json.readTree(lake.get(path).orElseThrow(() -> new AssertionError("missing " + path)));
    }

    @Test
    void theExportFolderLandsEveryRowWithItsFileAndReportsTheTruncatedOne() throws Exception {
        FileLake lake = lake();
        ImportReport r = service(lake).importPath(exportFolder(), Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(r.imported()).isEqualTo(10);
        assertThat(r.unchanged()).isZero();
        assertThat(r.merged()).isZero();
        assertThat(r.failed()).extracting(ImportReport.Line::file).containsExactly("activities/3007.fit.gz");
        assertThat(r.failed().get(0).reason()).contains("interrupted").contains("activities.csv values alone");
        assertThat(r.exitCode()).isEqualTo(2);
        // every row is an activity; files with samples also have streams
        for (long id = 3001; id <= 3010; id++) {
            assertThat(lake.stat(LakeLayout.activity(ATHLETE, id))).as("activity %d", id).isPresent();
        }
        assertThat(lake.stat(LakeLayout.streams(ATHLETE, 3001))).isPresent();
        assertThat(lake.stat(LakeLayout.streams(ATHLETE, 3007))).isEmpty();
        assertThat(lake.stat(LakeLayout.streams(ATHLETE, 3010))).isEmpty();
        JsonNode ride = envelope(lake, LakeLayout.activity(ATHLETE, 3001));
        assertThat(ride.path("source").asText()).isEqualTo("import activities/3001.fit.gz");
        assertThat(ride.at("/payload/name").asText()).isEqualTo("Vector power test");
        assertThat(ride.at("/payload/athlete/id").asLong()).isEqualTo(ATHLETE);
        JsonNode streams = envelope(lake, LakeLayout.streams(ATHLETE, 3001));
        assertThat(streams.at("/payload/watts/data").size()).isEqualTo(4700);
        assertThat(envelope(lake, LakeLayout.activity(ATHLETE, 3010)).at("/payload/manual").asBoolean()).isTrue();
        // a multisport file under a CSV row is the one activity Strava made of it
        assertThat(envelope(lake, LakeLayout.activity(ATHLETE, 3005)).at("/payload/name").asText())
                .isEqualTo("Brick (multisport file)");
        // originals kept verbatim, by content
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream("/exports/activities/3001.fit.gz")) {
            original = in.readAllBytes();
        }
        assertThat(lake.get(LakeLayout.importedOriginal(ATHLETE, RawWriter.sha256(original), "fit.gz"))).hasValueSatisfying(
                b -> assertThat(b).isEqualTo(original));
        // one manifest, listing the 10 activities and 8 streams
        List<ObjectInfo> manifests = lake.listAll(LakeLayout.INGEST_MANIFESTS);
        assertThat(manifests).hasSize(1);
        JsonNode m = envelope(lake, manifests.get(0).path());
        assertThat(m.path("trigger").asText()).isEqualTo("import");
        Map<String, Long> kinds = Stream.of(json.treeToValue(m.path("objects"), JsonNode[].class))
                .collect(Collectors.groupingBy(o -> o.path("kind").asText(), Collectors.counting()));
        assertThat(kinds).containsEntry("activity", 10L).containsEntry("streams", 8L);
        // the lease is released and progress published
        assertThat(new LakeLease(lake, LakeLayout.state("ingest", "lease.json"), json, clock, Duration.ofMinutes(1))
                .holder().orElseThrow().liveAt(clock.instant())).isFalse();
        assertThat(new ImportProgress(clock, lake, json).current().done()).isEqualTo(10);
    }

    @Test
    void importingTheSameArchiveAgainRewritesNothing() throws Exception {
        FileLake lake = lake();
        Path zip = exportZip();
        ImportReport first = service(lake).importPath(zip, Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(first.imported()).isEqualTo(10);
        assertThat(first.failed()).extracting(ImportReport.Line::file)
                .containsExactlyInAnyOrder("../escape.gpx", "activities/3007.fit.gz");
        long generation = lake.stat(LakeLayout.streams(ATHLETE, 3001)).orElseThrow().generation();
        clock.advance(Duration.ofHours(1));
        ImportReport second = service(lake).importPath(zip, Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(10);
        assertThat(second.runId()).isNull();
        assertThat(lake.listAll(LakeLayout.INGEST_MANIFESTS)).hasSize(1);
        assertThat(lake.stat(LakeLayout.streams(ATHLETE, 3001)).orElseThrow().generation()).isEqualTo(generation);
    }

    @Test
    void aLooseFileMatchingAnApiActivityMergesKeepingStravasMetadataAndAddingTheDenserSamples() throws Exception {
        FileLake lake = lake();
        RawWriter raw = new RawWriter(lake, json, clock);
        var run = new dev.paceline.ingest.service.IngestRun("job", clock.instant());
        String api = "{\"id\":555,\"name\":\"Lunch trainer\",\"sport_type\":\"VirtualRide\",\"type\":\"VirtualRide\","
                + "\"start_date\":\"2011-11-02T12:54:49Z\",\"elapsed_time\":2300}";
        raw.write(run, "activity", LakeLayout.activity(ATHLETE, 555), ATHLETE, 555, "GET /activities/555",
                api.getBytes(StandardCharsets.UTF_8));
        raw.writeManifest(run);
        Path file = dir.resolve("loose/3002.fit.gz");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("/exports/activities/3002.fit.gz")) {
            Files.copy(in, file);
        }
        ImportReport r = service(lake).importPath(file, Optional.empty(), ImportService.Limits.defaults());
        assertThat(r.athleteId()).isEqualTo(ATHLETE); // the lake's only athlete
        assertThat(r.merged()).isEqualTo(1);
        assertThat(r.imported()).isZero();
        assertThat(envelope(lake, LakeLayout.activity(ATHLETE, 555)).path("source").asText()).isEqualTo("GET /activities/555");
        assertThat(envelope(lake, LakeLayout.streams(ATHLETE, 555)).at("/payload/watts/data").size()).isEqualTo(2263);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aLooseFileWithoutAMatchGetsAStableIdFromItsContentAboveStravasIds() throws Exception {
        FileLake lake = lake();
        Path folder = dir.resolve("device");
        Files.createDirectories(folder);
        for (String f : List.of("3004.fit.gz", "3009.gpx.gz")) {
            try (InputStream in = getClass().getResourceAsStream("/exports/activities/" + f)) {
                Files.copy(in, folder.resolve(f));
            }
        }
        Files.writeString(folder.resolve("notes.txt"), "hello");
        ImportReport r = service(lake).importPath(folder, Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(r.imported()).isEqualTo(2);
        assertThat(r.skipped()).extracting(ImportReport.Line::file).containsExactly("notes.txt");
        assertThat(r.exitCode()).isZero();
        List<Long> ids = lake.listAll(LakeLayout.athletePrefix(ATHLETE) + "activities/").stream()
                .map(o -> LakeLayout.objectIdOf(o.path())).sorted().toList();
        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(1L << 62));
        ImportReport again = service(lake).importPath(folder, Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(lake.listAll(LakeLayout.athletePrefix(ATHLETE) + "activities/")).hasSize(2);
    }

    @Test
    void aMultisportLooseFileBecomesOneActivityPerSession() throws Exception {
        FileLake lake = lake();
        Path file = dir.resolve("3005.fit.gz");
        try (InputStream in = getClass().getResourceAsStream("/exports/activities/3005.fit.gz")) {
            Files.copy(in, file);
        }
        ImportReport r = service(lake).importPath(file, Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(r.imported()).isEqualTo(4);
        assertThat(lake.listAll(LakeLayout.athletePrefix(ATHLETE) + "streams/")).hasSize(4);
    }

    @Test
    void anImportWaitsForNoSyncTheLeaseHolderRefusesIt() throws Exception {
        FileLake lake = lake();
        LakeLease lease = new LakeLease(lake, LakeLayout.state("ingest", "lease.json"), json, clock, Duration.ofMinutes(5));
        assertThat(lease.acquire("ingest-sync", "20261201T100000Z-abc")).isPresent();
        assertThatThrownBy(() -> service(lake).importPath(exportFolder(), Optional.of(ATHLETE),
                ImportService.Limits.defaults()))
                .isInstanceOf(ImportService.ImportRefusedException.class)
                .hasMessageContaining("ingest-sync")
                .hasMessageContaining("run the import again");
        assertThat(lake.listAll(LakeLayout.RAW_STRAVA)).isEmpty();
    }

    @Test
    void anEmptyFolderReadsNothingAndExitsOne() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        ImportReport r = service(lake()).importPath(empty, Optional.of(ATHLETE), ImportService.Limits.defaults());
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
