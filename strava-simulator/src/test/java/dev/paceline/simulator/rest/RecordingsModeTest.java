package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Serving the real device recordings of fixtures/recordings (python-fitparse, MIT). */
@QuarkusTest
@TestProfile(RecordingsModeTest.Recordings.class)
class RecordingsModeTest {

    static final Path DIR = Path.of("src/test/resources/fixtures/recordings").toAbsolutePath();

    public static class Recordings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simulator.recordings", DIR.toString());
        }
    }

    String token;

    @BeforeEach
    void setUp() {
        Sim.reset();
        token = Sim.token();
    }

    @Test
    void theListIsDerivedFromTheActivityFilesNewestFirst() {
        JsonPath list = given().auth().oauth2(token).when().get("/api/v3/athlete/activities")
                .then().statusCode(200).extract().jsonPath();
        // start dates: 2003 (2017), 2001 (2013), 2002 (2011)
        assertThat(list.getList("id", Long.class)).containsExactly(2003L, 2001L, 2002L);
        assertThat(list.getString("[0].name")).isEqualTo("Morning Run");
        List<Long> after = given().auth().oauth2(token).queryParam("after", 1_340_000_000L).when()
                .get("/api/v3/athlete/activities").then().extract().jsonPath().getList("id", Long.class);
        assertThat(after).containsExactly(2001L, 2003L);
    }

    @Test
    void detailReturnsTheRecordedPayload() throws IOException {
        JsonNode file = new ObjectMapper().readTree(DIR.resolve("activities/2001.json").toFile());
        JsonNode served = new ObjectMapper().readTree(given().auth().oauth2(token).when()
                .get("/api/v3/activities/2001").then().statusCode(200).extract().asString());
        assertThat(served).isEqualTo(file);
    }

    @Test
    void streamsAreTheRecordedSamplesInBothForms() throws IOException {
        JsonNode file = new ObjectMapper().readTree(DIR.resolve("streams/2002.json").toFile());
        JsonPath byType = given().auth().oauth2(token).queryParam("keys", "time,watts,heartrate,cadence")
                .queryParam("key_by_type", true).when().get("/api/v3/activities/2002/streams")
                .then().statusCode(200).extract().jsonPath();
        List<Integer> watts = byType.getList("watts.data", Integer.class);
        assertThat(watts).hasSize(file.path("watts").path("data").size()).hasSize(2263);
        assertThat(watts.get(0)).isEqualTo(file.path("watts").path("data").get(0).asInt());
        assertThat(byType.getMap("")).containsOnlyKeys("time", "distance", "watts", "heartrate", "cadence");

        JsonPath array = given().auth().oauth2(token).queryParam("keys", "watts")
                .when().get("/api/v3/activities/2002/streams").then().statusCode(200).extract().jsonPath();
        assertThat(array.getList("type", String.class)).containsExactly("distance", "watts");
        assertThat(array.getList("[1].data", Integer.class)).isEqualTo(watts);
        assertThat(array.getString("[1].series_type")).isEqualTo("time");
    }

    @Test
    void theRecordedAthleteOwnsTheTokens() {
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200).body("id", equalTo(1));
        given().auth().oauth2(token).when().get("/api/v3/activities/9999").then().statusCode(404);
    }

    @Test
    void theFixtureFolderIsWhatTheTestThinks() {
        assertThat(Files.isDirectory(DIR.resolve("activities"))).isTrue();
    }
}
