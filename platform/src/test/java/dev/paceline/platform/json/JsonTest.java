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
