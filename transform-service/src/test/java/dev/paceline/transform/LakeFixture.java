package dev.paceline.transform;

import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Writes raw envelopes and ingest manifests into a test lake, as ingest-service does. */
public final class LakeFixture {

    /** The body of a real GET /athlete/zones response (strava-ruby-client cassette, MIT). */
    public static final String ZONES = "{\"heart_rate\":{\"custom_zones\":false,\"zones\":[{\"min\":0,\"max\":111},"
            + "{\"min\":111,\"max\":139},{\"min\":139,\"max\":152},{\"min\":152,\"max\":166},{\"min\":166,\"max\":-1}]}}";

    private final Lake lake;
    private final List<IngestManifest.Entry> entries = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-27T10:00:00Z");
    private int runs;

    public LakeFixture(Lake lake) {
        this.lake = lake;
    }

    public static String resource(String name) {
        try (InputStream in = LakeFixture.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A summary activity payload. */
    public static String activity(long id, String name, String sportType, boolean trainer, String startLocal, double distance,
            int moving, int elapsed) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"type\":\"" + sportType + "\",\"sport_type\":\"" + sportType
                + "\",\"trainer\":" + trainer + ",\"start_date\":\"" + startLocal.replace("T07", "T06") + "\",\"start_date_local\":\""
                + startLocal + "\",\"timezone\":\"(GMT+01:00) Europe/Paris\",\"distance\":" + distance + ",\"moving_time\":" + moving
                + ",\"elapsed_time\":" + elapsed + ",\"total_elevation_gain\":12.5,\"average_watts\":180.5,\"max_watts\":420.0,"
                + "\"device_watts\":true,\"has_heartrate\":true,\"average_heartrate\":140.2,\"max_heartrate\":171.0,"
                + "\"average_speed\":" + String.format(Locale.ROOT, "%.3f", distance / moving) + ",\"max_speed\":12.0,\"workout_type\":null}";
    }

    /** A streams payload of {@code n} one-second samples with power, heart rate, moving and latlng. */
    public static String streams(int n, double watts) {
        StringJoiner time = new StringJoiner(",", "[", "]");
        StringJoiner power = new StringJoiner(",", "[", "]");
        StringJoiner hr = new StringJoiner(",", "[", "]");
        StringJoiner moving = new StringJoiner(",", "[", "]");
        StringJoiner latlng = new StringJoiner(",", "[", "]");
        StringJoiner distance = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            time.add(Integer.toString(i));
            power.add(String.format(Locale.ROOT, "%.1f", watts + (i % 7)));
            hr.add(Integer.toString(120 + i % 40));
            moving.add(i % 10 == 9 ? "false" : "true");
            latlng.add(String.format(Locale.ROOT, "[%.5f,%.5f]", 48.85 + i * 1e-5, 2.35 + i * 2e-5));
            distance.add(String.format(Locale.ROOT, "%.1f", i * 8.5));
        }
        return "{\"time\":{\"data\":" + time + ",\"series_type\":\"distance\",\"original_size\":" + n + ",\"resolution\":\"high\"},"
                + "\"watts\":{\"data\":" + power + "},\"heartrate\":{\"data\":" + hr + "},\"moving\":{\"data\":" + moving + "},"
                + "\"latlng\":{\"data\":" + latlng + "},\"distance\":{\"data\":" + distance + "}}";
    }

    public LakeFixture at(Instant when) {
        this.clock = when;
        return this;
    }

    public LakeFixture putActivity(long athlete, long activity, String payload) {
        return put("activity", athlete, activity, LakeLayout.activity(athlete, activity), payload, "GET /activities/" + activity);
    }

    public LakeFixture putStreams(long athlete, long activity, String payload) {
        return put("streams", athlete, activity, LakeLayout.streams(athlete, activity), payload, "GET /activities/" + activity + "/streams");
    }

    public LakeFixture putAthlete(long athlete, String payload) {
        return put("athlete", athlete, athlete, LakeLayout.athleteSnapshot(athlete, LocalDate.parse(clock.toString().substring(0, 10))),
                payload, "GET /athlete");
    }

    public LakeFixture putZones(long athlete, String payload) {
        return put("zones", athlete, athlete, LakeLayout.athletePrefix(athlete) + "zones/" + clock.toString().substring(0, 10) + ".json",
                payload, "GET /athlete/zones");
    }

    public LakeFixture putDeletion(long athlete, long activity) {
        return put("deletion", athlete, activity, LakeLayout.deletion(athlete, activity), null, "webhook delete");
    }

    public LakeFixture putDeauthorization(long athlete) {
        return put("deauthorization", athlete, athlete, LakeLayout.athleteDeauthorization(athlete), null, "webhook deauthorize");
    }

    /** Writes {@code bytes} as they are (e.g. a corrupt object) at {@code path}, listed in the next manifest. */
    public LakeFixture putBytes(String kind, long athlete, long objectId, String path, byte[] bytes) {
        var info = lake.put(path, bytes);
        entries.add(new IngestManifest.Entry(path, kind, athlete, objectId, "created", info.generation(), info.contentHash()));
        clock = clock.plusSeconds(1);
        return this;
    }

    private LakeFixture put(String kind, long athlete, long objectId, String path, String payload, String source) {
        if (payload != null && payload.contains("\n")) {
            payload = Json.tree(payload.getBytes(StandardCharsets.UTF_8)).toString(); // one envelope = one line
        }
        String sha = payload == null ? null : sha256(payload);
        String line = "{\"envelope_version\":1,\"kind\":\"" + kind + "\",\"athlete_id\":" + athlete + ",\"object_id\":" + objectId
                + ",\"fetched_at\":\"" + clock + "\",\"run_id\":\"" + nextRunId() + "\",\"source\":\"" + source
                + "\",\"payload_sha256\":" + (sha == null ? "null" : "\"" + sha + "\"") + ",\"payload\":" + (payload == null ? "null" : payload)
                + "}\n";
        var info = lake.put(path, line.getBytes(StandardCharsets.UTF_8));
        entries.add(new IngestManifest.Entry(path, kind, athlete, objectId, "created", info.generation(), info.contentHash()));
        clock = clock.plusSeconds(1);
        return this;
    }

    /** Writes the manifest of everything put since the last one; returns its run id. */
    public String manifest() {
        String runId = nextRunId();
        IngestManifest m = new IngestManifest(LakeLayout.VERSION, runId, clock.toString(), clock.toString(), "test",
                entries.stream().map(IngestManifest.Entry::athleteId).distinct().toList(), List.copyOf(entries));
        lake.put(LakeLayout.ingestManifest(runId), Json.write(m));
        entries.clear();
        runs++;
        clock = clock.plusSeconds(60);
        return runId;
    }

    private String nextRunId() {
        return String.format("%sT%s-%04d", clock.toString().substring(0, 10).replace("-", ""), "100000Z", runs);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
