package dev.paceline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebhookEventTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void parsesStravaEventsAndRecognisesDeauthorization() throws Exception {
        WebhookEvent create = WebhookEvent.parse(json.readTree("{\"aspect_type\":\"create\",\"event_time\":1516126040,"
                + "\"object_id\":1360128428,\"object_type\":\"activity\",\"owner_id\":134815,\"subscription_id\":120475,"
                + "\"updates\":{}}"));
        assertThat(create.objectId()).isEqualTo(1360128428L);
        assertThat(create.ownerId()).isEqualTo(134815);
        assertThat(create.deauthorization()).isFalse();
        WebhookEvent deauth = WebhookEvent.parse(json.readTree("{\"aspect_type\":\"update\",\"event_time\":1516126040,"
                + "\"object_id\":134815,\"object_type\":\"athlete\",\"owner_id\":134815,\"subscription_id\":120475,"
                + "\"updates\":{\"authorized\":\"false\"}}"));
        assertThat(deauth.deauthorization()).isTrue();
    }

    @Test
    void namesTheBadField() throws Exception {
        assertThatThrownBy(() -> WebhookEvent.parse(json.readTree("[]"))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> WebhookEvent.parse(json.readTree("{\"object_type\":\"gear\",\"aspect_type\":\"create\"}")))
                .hasMessageContaining("object_type 'gear'");
        assertThatThrownBy(() -> WebhookEvent.parse(json.readTree("{\"object_type\":\"activity\",\"aspect_type\":\"create\","
                + "\"object_id\":\"x\",\"owner_id\":1,\"subscription_id\":1}"))).hasMessageContaining("'object_id'");
        assertThatThrownBy(() -> WebhookEvent.parse(json.readTree("{\"object_type\":\"activity\",\"aspect_type\":\"patch\"}")))
                .hasMessageContaining("aspect_type 'patch'");
    }
}
