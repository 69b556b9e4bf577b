package dev.paceline.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paceline.platform.contract.RawEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Row(@JsonProperty("athlete_id") long athleteId, @JsonProperty("day") LocalDate day,
               @JsonProperty("start") Instant start, @JsonProperty("watts") Double watts) {
    }

    @Test
    void readsBigQueryStyleExportsWithInt64AsStringsAndIsoTemporals() {
        Row row = Json.read("{\"athlete_id\":\"42\",\"day\":\"2024-05-01\",\"start\":\"2024-05-01T07:30:00Z\",\"watts\":210.5,\"new_field\":1}"
                .getBytes(StandardCharsets.UTF_8), Row.class);
        assertThat(row).isEqualTo(new Row(42, LocalDate.of(2024, 5, 1), Instant.parse("2024-05-01T07:30:00Z"), 210.5));
    }

    record Times(@JsonProperty("ts") Instant ts, @JsonProperty("dt") java.time.LocalDateTime dt) {
    }

    @Test
    void readsTimestampsInBothExportDialects() {
        java.util.Map<String, Instant> cases = java.util.Map.of(
                "2024-05-01T07:30:00Z", Instant.parse("2024-05-01T07:30:00Z"),
                "2024-05-01T07:30:00.000000Z", Instant.parse("2024-05-01T07:30:00Z"),
                "2024-05-01 07:30:00 UTC", Instant.parse("2024-05-01T07:30:00Z"),
                "2024-05-01 07:30:00.123456 UTC", Instant.parse("2024-05-01T07:30:00.123456Z"),
                "2024-05-01 09:30:00+02:00", Instant.parse("2024-05-01T07:30:00Z"),
                "2024-05-01 07:30:00.5+00", Instant.parse("2024-05-01T07:30:00.5Z"));
        cases.forEach((text, expected) -> assertThat(Json.read(("{\"ts\":\"" + text + "\",\"dt\":\"2024-05-01 07:30:00\"}")
                .getBytes(StandardCharsets.UTF_8), Times.class))
                .as(text).isEqualTo(new Times(expected, java.time.LocalDateTime.of(2024, 5, 1, 7, 30))));
        assertThat(Json.read("{\"dt\":\"2024-05-01T07:30:00.000000\"}".getBytes(StandardCharsets.UTF_8), Times.class).dt())
                .isEqualTo(java.time.LocalDateTime.of(2024, 5, 1, 7, 30));
        assertThatThrownBy(() -> Json.read("{\"ts\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8), Times.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yesterday");
    }

    @Test
    void writesTemporalsAsIsoText() {
        assertThat(Json.writeString(new Row(1, LocalDate.of(2024, 5, 1), Instant.parse("2024-05-01T07:30:00Z"), null)))
                .isEqualTo("{\"athlete_id\":1,\"day\":\"2024-05-01\",\"start\":\"2024-05-01T07:30:00Z\",\"watts\":null}");
    }

    @Test
    void rawEnvelopeEmbedsThePayloadVerbatim() {
        RawEnvelope env = new RawEnvelope(1, "activity", 7, 10, "2024-05-01T07:30:00Z", "run1", "GET /activities/10",
                "abc", "{\"id\": 10, \"name\":\"Ride\"}");
        String json = Json.writeString(env);
        assertThat(json).contains("\"payload\":{\"id\": 10, \"name\":\"Ride\"}");
        assertThat(Json.tree(json.getBytes(StandardCharsets.UTF_8)).at("/payload/name").asText()).isEqualTo("Ride");
    }

    @Test
    void malformedJsonNamesTheTypeAndPosition() {
        assertThatThrownBy(() -> Json.read("{\"athlete_id\": }".getBytes(StandardCharsets.UTF_8), Row.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON for Row")
                .hasMessageContaining("line 1, column");
    }
}
