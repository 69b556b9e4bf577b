package dev.paceline.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StravaPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CsvActivity row(int index) throws IOException {
        try (var in = new InputStreamReader(Fixtures.open("/exports/activities.csv"), StandardCharsets.UTF_8)) {
            return ActivitiesCsv.read(in).activities().get(index);
        }
    }

    @Test
    void aCsvRowWithItsFileHasStravasMetadataAndTheFilesStartAndTotals() throws IOException {
        Recording r = Fixtures.exportFile("3001.fit.gz").get(0);
        JsonNode a = JSON.readTree(StravaPayloads.activity(3001, 42, r, row(0),
                new StravaPayloads.Origin("activities/3001.fit.gz", "FIT", 0, "abc")));
        assertThat(a.get("id").asLong()).isEqualTo(3001);
        assertThat(a.at("/athlete/id").asLong()).isEqualTo(42);
        assertThat(a.get("name").asText()).isEqualTo("Vector power test");
        assertThat(a.get("sport_type").asText()).isEqualTo("Ride");
        assertThat(a.get("start_date").asText()).isEqualTo("2013-08-16T18:05:10Z");
        assertThat(a.get("elapsed_time").asInt()).isEqualTo(4700);
        assertThat(a.get("distance").asDouble()).isCloseTo(41337.5, within(0.1));
        assertThat(a.get("device_watts").asBoolean()).isTrue();
        assertThat(a.get("has_heartrate").asBoolean()).isTrue();
        assertThat(a.get("max_heartrate").asDouble()).isEqualTo(176.0);
        assertThat(a.get("manual").asBoolean()).isFalse();
        assertThat(a.at("/paceline_import/file").asText()).isEqualTo("activities/3001.fit.gz");
    }

    @Test
    void aManualRowBecomesAManualActivityFromTheCsvAlone() throws IOException {
        JsonNode a = JSON.readTree(StravaPayloads.activity(3010, 42, null, row(9), null));
        assertThat(a.get("manual").asBoolean()).isTrue();
        assertThat(a.get("sport_type").asText()).isEqualTo("Yoga");
        assertThat(a.get("elapsed_time").asInt()).isEqualTo(3600);
        assertThat(a.get("start_date").asText()).isEqualTo("2021-01-03T18:00:00Z");
        assertThat(a.has("distance")).isFalse();
    }

    @Test
    void streamsAreKeyedByTypeAndDistanceCarriesOverSecondsWithoutOne() throws IOException {
        Track t = Fixtures.exportFile("3008.tcx.gz").get(0).track();
        JsonNode s = JSON.readTree(StravaPayloads.streams(t));
        assertThat(s.fieldNames()).toIterable()
                .containsExactly("time", "latlng", "distance", "altitude", "velocity_smooth", "heartrate", "moving");
        assertThat(s.at("/time/data").size()).isEqualTo(384);
        assertThat(s.at("/time/original_size").asInt()).isEqualTo(384);
        assertThat(s.at("/latlng/data/0").size()).isEqualTo(2);
        // the file's last trackpoints have no DistanceMeters: the distance so far is carried, never null or falling
        double last = s.at("/distance/data/383").asDouble();
        for (JsonNode d : s.at("/distance/data")) {
            assertThat(d.asDouble()).isLessThanOrEqualTo(last);
        }
        assertThat(last).isPositive();
    }
}
