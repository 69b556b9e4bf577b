package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.paceline.simulator.data.ActivityKind;
import dev.paceline.simulator.data.ActivityPlan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's answers have the field names and JSON types of the real answers recorded from Strava
 * (fixtures/strava-recorded, strava-ruby-client, MIT). Every recorded field must exist in the simulated answer with
 * the same JSON type wherever both are non-null (numbers: identifiers, times, counts and indexes must stay
 * integers); extra simulated fields must be in a short documented list.
 */
@QuarkusTest
class RecordedShapeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern INTEGRAL = Pattern.compile("id|.*_id|.*_time|.*_count|resource_state|.*_index|split"
            + "|workout_type|original_size|upload_id");

    String token;

    @BeforeEach
    void setUp() {
        Sim.reset();
        token = Sim.token();
    }

    static JsonNode cassette(String name) {
        return interaction(name).path("response");
    }

    static JsonNode interaction(String name) {
        try (InputStream in = RecordedShapeTest.class.getResourceAsStream("/fixtures/strava-recorded/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new YAMLMapper().readTree(in).path("http_interactions").get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode body(String cassette) {
        try {
            return JSON.readTree(cassette(cassette).path("body").path("string").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Differences between a recorded and a simulated answer; empty when the shapes agree. */
    static List<String> compare(String path, JsonNode recorded, JsonNode simulated, Set<String> extraAllowed) {
        List<String> problems = new ArrayList<>();
        compare(path, recorded, simulated, extraAllowed, problems);
        return problems;
    }

    private static void compare(String path, JsonNode rec, JsonNode sim, Set<String> extraAllowed,
                                List<String> problems) {
        if (rec == null || rec.isNull() || sim == null || sim.isNull()) {
            return;
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (rec.isNumber() || sim.isNumber()) {
            if (!(rec.isNumber() && sim.isNumber())) {
                problems.add(path + ": recorded " + rec.getNodeType() + ", simulated " + sim.getNodeType());
            } else if (rec.isIntegralNumber() && INTEGRAL.matcher(field).matches() && !sim.isIntegralNumber()) {
                problems.add(path + ": recorded an integer, simulated " + sim);
            }
            return;
        }
        if (rec.getNodeType() != sim.getNodeType()) {
            problems.add(path + ": recorded " + rec.getNodeType() + ", simulated " + sim.getNodeType());
            return;
        }
        if (rec.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = rec.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!sim.has(e.getKey())) {
                    problems.add(path + "." + e.getKey() + ": missing in the simulated answer");
                } else {
                    compare(path + "." + e.getKey(), e.getValue(), sim.get(e.getKey()), extraAllowed, problems);
                }
            }
            Iterator<String> names = sim.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!rec.has(n) && !extraAllowed.contains(n)) {
                    problems.add(path + "." + n + ": not in the recorded answer");
                }
            }
        } else if (rec.isArray() && rec.size() > 0 && sim.size() > 0) {
            compare(path + "[0]", rec.get(0), sim.get(0), extraAllowed, problems);
        }
    }

    private ActivityPlan first(ActivityKind kind) {
        return ActivitiesApiTest.GENERATOR.plans().stream()
                .filter(p -> p.kind() == kind && p.hasHeartrate() && !p.isPrivate()).findFirst().orElseThrow();
    }

    @Test
    void activityListItemsHaveTheRecordedShape() {
        JsonNode recorded = body("athlete_activities.yml").get(0); // a run
        ActivityPlan run = first(ActivityKind.RUN_RACE_5K);
        JsonNode simulated = json(given().auth().oauth2(token)
                .queryParam("before", run.start().getEpochSecond() + 1).queryParam("per_page", 1)
                .when().get("/api/v3/athlete/activities"));
        assertThat(simulated.get(0).path("id").asLong()).isEqualTo(run.id());
        assertThat(compare("$", recorded, simulated.get(0), Set.of())).isEmpty();
    }

    @Test
    void detailedRunHasTheRecordedShape() throws IOException {
        JsonNode recorded;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/strava-recorded/detailed_activity_run.json")) {
            recorded = JSON.readTree(in);
        }
        ActivityPlan run = first(ActivityKind.RUN_RACE_5K);
        JsonNode simulated = json(given().auth().oauth2(token).when().get("/api/v3/activities/" + run.id()));
        // similar_activities is Strava's social comparison: not modelled
        ((com.fasterxml.jackson.databind.node.ObjectNode) recorded).remove("similar_activities");
        assertThat(compare("$", recorded, simulated, Set.of("average_heartrate", "max_heartrate",
                "average_cadence", "average_temp", "suffer_score"))).isEmpty();
    }

    @Test
    void detailedRideHasTheRecordedShape() {
        JsonNode recorded = body("activity_ride.yml");
        ActivityPlan ride = first(ActivityKind.RIDE_ENDURANCE);
        JsonNode simulated = json(given().auth().oauth2(token).when().get("/api/v3/activities/" + ride.id()));
        // power fields: the recorded ride had no power meter; elevation extremes: present on GPS rides
        assertThat(compare("$", recorded, simulated, Set.of("average_watts", "max_watts", "weighted_average_watts",
                "kilojoules", "device_watts", "average_cadence", "elev_high", "elev_low", "average_heartrate",
                "max_heartrate", "splits_metric", "splits_standard", "gear"))).isEmpty();
    }

    @Test
    void lapsHaveTheRecordedShape() {
        JsonNode recorded = body("activity_laps.yml");
        ActivityPlan run = first(ActivityKind.RUN_RACE_5K);
        JsonNode simulated = json(given().auth().oauth2(token).when().get("/api/v3/activities/" + run.id() + "/laps"));
        assertThat(compare("$", recorded, simulated, Set.of("max_heartrate", "pace_zone", "average_watts")))
                .isEmpty();
    }

    @Test
    void streamsHaveTheRecordedShape() {
        JsonNode recorded = body("activity_streams.yml");
        ActivityPlan run = first(ActivityKind.RUN_RACE_5K);
        Response r = given().auth().oauth2(token).queryParam("key_by_type", "true")
                .when().get("/api/v3/activities/" + run.id() + "/streams");
        JsonNode simulated = json(r);
        assertThat(simulated.fieldNames()).toIterable().containsExactlyElementsOf(() -> recorded.fieldNames());
        assertThat(compare("$", recorded, simulated, Set.of())).isEmpty();
        assertThat(simulated.path("distance").path("data").get(1).isFloatingPointNumber()).isTrue();
    }

    @Test
    void zonesHaveTheRecordedShape() {
        JsonNode recorded = body("athlete_zones.yml");
        Response r = given().auth().oauth2(token).when().get("/api/v3/athlete/zones");
        assertThat(compare("$", recorded, json(r), Set.of("power"))).isEmpty();
        assertThat(json(r).path("heart_rate").path("zones").get(4).path("max").asInt()).isEqualTo(-1);
        // the recorded answer's rate-limit headers (names compared case-insensitively, values "15min,daily")
        JsonNode headers = cassette("athlete_zones.yml").path("headers");
        for (String name : List.of("X-Ratelimit-Limit", "X-Ratelimit-Usage", "X-Readratelimit-Limit",
                "X-Readratelimit-Usage")) {
            assertThat(headers.path(name).get(0).asText()).matches("\\d+,\\d+");
            assertThat(r.header(name)).as(name).matches("\\d+,\\d+");
        }
    }

    @Test
    void tokenAnswerHasTheRecordedShape() {
        JsonNode recorded = body("token_refresh_token.yml");
        Response r = given().formParam("client_id", Sim.CLIENT_ID).formParam("client_secret", Sim.SECRET)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "simulator-refresh-token")
                .when().post("/oauth/token");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(compare("$", recorded, json(r), Set.of())).isEmpty();
        // the recorded request is a form with exactly the fields the simulator reads
        assertThat(interaction("token_refresh_token.yml").path("request").path("body").path("string").asText())
                .contains("grant_type=refresh_token", "refresh_token=", "client_id=", "client_secret=");
    }

    @Test
    void errorsHaveTheRecordedShape() {
        JsonNode unauthorized = body("authorization_error.yml");
        Response r401 = given().auth().oauth2("access-token").when().get("/api/v3/activities/1946417534");
        assertThat(r401.statusCode()).isEqualTo(cassette("authorization_error.yml").path("status").path("code")
                .asInt());
        assertThat(compare("$", unauthorized, json(r401), Set.of())).isEmpty();

        JsonNode tooMany = body("activity_with_ratelimit_exceeded.yml");
        given().contentType(ContentType.JSON).body("{\"read_15min\":1}").when().put("/admin/rate-limits")
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200);
        Response r429 = given().auth().oauth2(token).when().get("/api/v3/activities/1946417534");
        assertThat(r429.statusCode()).isEqualTo(cassette("activity_with_ratelimit_exceeded.yml").path("status")
                .path("code").asInt());
        assertThat(json(r429)).isEqualTo(tooMany);
        given().when().post("/admin/reset").then().statusCode(204);

        String fresh = Sim.token();
        Response r404 = given().auth().oauth2(fresh).when().get("/api/v3/activities/1946417534");
        assertThat(r404.statusCode()).isEqualTo(cassette("not_found_error.yml").path("status").path("code").asInt());
    }
}
