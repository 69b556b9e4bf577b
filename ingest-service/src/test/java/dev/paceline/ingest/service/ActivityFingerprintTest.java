package dev.paceline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ActivityFingerprintTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void socialCountersAreNotEditsButTitlesAreAndCropsChangeTheShape() throws Exception {
        JsonNode summary = json.readTree("{\"id\":1,\"name\":\"Run\",\"kudos_count\":3,\"elapsed_time\":3600,"
                + "\"distance\":10000.0,\"start_date\":\"2025-10-18T12:49:52Z\",\"resource_state\":2}");
        JsonNode kudos = json.readTree(summary.toString().replace("\"kudos_count\":3", "\"kudos_count\":9"));
        JsonNode renamed = json.readTree(summary.toString().replace("\"Run\"", "\"Long run\""));
        JsonNode detail = json.readTree(summary.toString().replace("\"resource_state\":2", "\"resource_state\":3,"
                + "\"laps\":[{\"id\":1}],\"calories\":800"));
        JsonNode cropped = json.readTree(summary.toString().replace("3600", "3000"));
        assertThat(ActivityFingerprint.of(kudos)).isEqualTo(ActivityFingerprint.of(summary));
        assertThat(ActivityFingerprint.of(detail)).isEqualTo(ActivityFingerprint.of(summary));
        assertThat(ActivityFingerprint.of(renamed)).isNotEqualTo(ActivityFingerprint.of(summary));
        assertThat(ActivityFingerprint.shape(renamed)).isEqualTo(ActivityFingerprint.shape(summary));
        assertThat(ActivityFingerprint.shape(cropped)).isNotEqualTo(ActivityFingerprint.shape(summary));
        assertThat(ActivityFingerprint.start(summary)).isEqualTo(1760791792L);
        assertThat(ActivityFingerprint.start(json.readTree("{}"))).isZero();
    }
}
