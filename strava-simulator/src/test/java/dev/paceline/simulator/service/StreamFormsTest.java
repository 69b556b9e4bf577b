package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StreamFormsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void arrayFormIsNormalisedAndConvertedBack() throws Exception {
        JsonNode array = JSON.readTree("[{\"type\":\"time\",\"data\":[0,1,2]},"
                + "{\"type\":\"watts\",\"data\":[100,null,120],\"series_type\":\"time\",\"original_size\":3,"
                + "\"resolution\":\"high\"}]");
        ObjectNode byType = StreamForms.toKeyByType(array, "distance");
        assertThat(byType.path("time").path("series_type").asText()).isEqualTo("distance");
        assertThat(byType.path("time").path("original_size").asInt()).isEqualTo(3);
        assertThat(byType.path("watts").path("data").get(1).isNull()).isTrue();
        JsonNode back = StreamForms.toArray(StreamForms.select(byType, Set.of("watts")));
        assertThat(back.size()).isEqualTo(1);
        assertThat(back.get(0).path("type").asText()).isEqualTo("watts");
        assertThat(back.get(0).path("data").get(2).asInt()).isEqualTo(120);
    }

    @Test
    void selectAddsDistanceWhenPresent() throws Exception {
        ObjectNode all = (ObjectNode) JSON.readTree("{\"time\":{\"data\":[0]},\"distance\":{\"data\":[0.0]},"
                + "\"heartrate\":{\"data\":[90]}}");
        assertThat(StreamForms.select(all, Set.of("heartrate")).fieldNames()).toIterable()
                .containsExactly("distance", "heartrate");
        assertThat(StreamForms.select(all, Set.of()).fieldNames()).toIterable().containsExactly("distance");
    }
}
