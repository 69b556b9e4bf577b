package dev.paceline.transform.metrics;

import static dev.paceline.transform.metrics.MetricsKit.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real device recordings through the whole pipeline (raw envelopes, staging, Java stream models, marts): NP, IF and
 * TSS in {@code mart_activities} against each device's own session figures, with the device FTP configured as an
 * FTP test in {@code athlete_settings} on the day of the ride.
 */
class RecordingsMartsTest {

    @TempDir
    Path dir;

    @Test
    void npIfAndTssThroughTheMartsMatchTheDevices() {
        // 2002 (indoor, 2011-11-02) with FTP 250, 2001 (2013-08-16) with FTP 315.
        try (MetricsKit k = new MetricsKit(dir, "1,ftp_w,2011-11-01,250", "1,ftp_w,2013-08-01,315")) {
            k.fixture.putAthlete(1, "{\"id\":1,\"sex\":\"M\"}");
            for (long id : List.of(2001L, 2002L, 2003L)) {
                k.fixture.putActivity(1, id, MetricsKit.resource("recordings/activities/" + id + ".json"))
                        .putStreams(1, id, MetricsKit.resource("recordings/streams/" + id + ".json"));
            }
            k.fixture.manifest();
            k.run();

            JsonNode reference = Json.tree(MetricsKit.resource("recordings/reference.json").getBytes(StandardCharsets.UTF_8));
            Map<Long, JsonNode> device = new HashMap<>();
            reference.get("activities").forEach(a -> device.put(a.get("id").asLong(), a));
            Map<Long, Map<String, Object>> marts = new HashMap<>();
            k.query("SELECT * FROM mart_activities").forEach(r -> marts.put((Long) r.get("activity_id"), r));

            Map<String, Object> edge = marts.get(2001L);
            JsonNode edgeRef = device.get(2001L);
            assertThat(num(edge.get("ftp_w"))).isEqualTo(edgeRef.get("device_ftp_w").asDouble());
            assertThat(num(edge.get("np_w"))).isCloseTo(edgeRef.get("device_np_w").asDouble(), within(0.01 * 301));
            assertThat(num(edge.get("intensity_factor"))).isCloseTo(edgeRef.get("device_if").asDouble(), within(0.01 * 0.956));
            assertThat(num(edge.get("tss"))).isCloseTo(edgeRef.get("device_tss").asDouble(), within(0.01 * 118.7));
            assertThat(edge).containsEntry("load_source", "power").containsEntry("has_power", true);

            Map<String, Object> trainer = marts.get(2002L);
            JsonNode trainerRef = device.get(2002L);
            assertThat(num(trainer.get("ftp_w"))).isEqualTo(trainerRef.get("device_ftp_w").asDouble());
            assertThat(num(trainer.get("np_w"))).isCloseTo(trainerRef.get("device_np_w").asDouble(), within(0.01 * 228));
            assertThat(num(trainer.get("intensity_factor"))).isCloseTo(trainerRef.get("device_if").asDouble(), within(0.01 * 0.914));
            // TSS over the 2,223 power-recorded seconds (METRICS.md); the device counted about 2,189 s, so +1.4 %
            // (docs/metrics.md explains the gap): within 1.5 %.
            assertThat(num(trainer.get("tss"))).isCloseTo(trainerRef.get("device_tss").asDouble(), within(0.015 * 50.8));
            assertThat(trainer).containsEntry("is_indoor", true).containsEntry("activity_type", "endurance");

            // The run with running power: a run, so no power TSS; its load is hrTSS (max HR observed) and it has run bests.
            Map<String, Object> run = marts.get(2003L);
            assertThat(run).containsEntry("sport", "run").containsEntry("has_power", false).containsEntry("load_source", "hr");
            assertThat(run.get("tss")).isNull();
            assertThat(k.query("SELECT distance_name FROM mart_run_bests WHERE activity_id = 2003 ORDER BY distance_m"))
                    .extracting(r -> r.get("distance_name")).contains("400m", "1k", "1mile", "5k");
            // Every standard duration qualifies on the 78-minute Edge ride.
            assertThat(k.query("SELECT duration_s, watts FROM mart_power_bests WHERE activity_id = 2001 ORDER BY duration_s"))
                    .hasSize(9).allSatisfy(r -> assertThat(num(r.get("watts"))).isBetween(200.0, 1500.0));
        }
    }
}
