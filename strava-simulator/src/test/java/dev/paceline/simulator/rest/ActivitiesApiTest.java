package dev.paceline.simulator.rest;

import dev.paceline.simulator.data.ActivityKind;
import dev.paceline.simulator.data.ActivityPlan;
import dev.paceline.simulator.data.AthleteGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The activity endpoints against the same generator the %test profile serves (seed 42, 60 activities). */
@QuarkusTest
class ActivitiesApiTest {

    static final AthleteGenerator GENERATOR = new AthleteGenerator(42, 60, 3);
    String token;

    @BeforeEach
    void setUp() {
        Sim.reset();
        token = Sim.token();
    }

    private List<Long> allIds(String accessToken, int perPage) {
        List<Long> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<Long> items = given().auth().oauth2(accessToken).queryParam("page", page)
                    .queryParam("per_page", perPage).when().get("/api/v3/athlete/activities")
                    .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
            if (items.isEmpty()) {
                return ids;
            }
            assertThat(items.size()).isLessThanOrEqualTo(perPage);
            ids.addAll(items);
        }
    }

    @Test
    void pagingDefaultsToThirtyNewestFirstAndReachesEveryActivityOnce() {
        List<Long> firstPage = given().auth().oauth2(token).when().get("/api/v3/athlete/activities")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertThat(firstPage).hasSize(30);
        List<ActivityPlan> plans = GENERATOR.plans();
        assertThat(firstPage.get(0)).isEqualTo(plans.get(plans.size() - 1).id());

        List<Long> ids = allIds(token, 7);
        assertThat(ids).hasSize(60).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).containsExactlyInAnyOrderElementsOf(
                plans.stream().map(ActivityPlan::id).toList());
    }

    @Test
    void perPageAboveTwoHundredIsRefused() {
        given().auth().oauth2(token).queryParam("per_page", 200).when().get("/api/v3/athlete/activities")
                .then().statusCode(200).body("$", hasSize(60));
        given().auth().oauth2(token).queryParam("per_page", 201).when().get("/api/v3/athlete/activities")
                .then().statusCode(400).body("message", equalTo("Bad Request"))
                .body("errors[0].field", equalTo("per_page")).body("errors[0].code", equalTo("invalid"));
        given().auth().oauth2(token).queryParam("per_page", "lots").when().get("/api/v3/athlete/activities")
                .then().statusCode(400).body("errors[0].field", equalTo("per_page"));
    }

    @Test
    void beforeAndAfterAreExclusiveEpochBoundsAndAfterListsOldestFirst() {
        List<ActivityPlan> plans = GENERATOR.plans();
        long after = plans.get(9).start().getEpochSecond();
        long before = plans.get(20).start().getEpochSecond();
        List<Long> ids = given().auth().oauth2(token).queryParam("after", after).queryParam("before", before)
                .queryParam("per_page", 100).when().get("/api/v3/athlete/activities")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        List<Long> expected = plans.subList(10, 20).stream().map(ActivityPlan::id).toList();
        assertThat(ids).containsExactlyElementsOf(expected);

        List<Long> beforeOnly = given().auth().oauth2(token).queryParam("before", before).queryParam("per_page", 3)
                .when().get("/api/v3/athlete/activities").then().extract().jsonPath().getList("id", Long.class);
        assertThat(beforeOnly).containsExactly(plans.get(19).id(), plans.get(18).id(), plans.get(17).id());
    }

    @Test
    void privateActivitiesNeedActivityReadAll() {
        String limited = Sim.token("read,activity:read");
        List<Long> visible = allIds(limited, 50);
        List<Long> privateIds = GENERATOR.plans().stream().filter(ActivityPlan::isPrivate).map(ActivityPlan::id)
                .toList();
        assertThat(privateIds).contains(GENERATOR.plans().get(17).id());
        assertThat(visible).hasSize(60 - privateIds.size()).doesNotContainAnyElementsOf(privateIds);
        given().auth().oauth2(limited).when().get("/api/v3/activities/" + privateIds.get(0)).then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/v3/activities/" + privateIds.get(0)).then().statusCode(200)
                .body("private", equalTo(true)).body("visibility", equalTo("only_me"));
    }

    @Test
    void detailedRunHasLapsSplitsAndBestEffortsMatchingTheKnownParkrun() {
        ActivityPlan parkrun = GENERATOR.plans().get(7);
        assertThat(parkrun.kind()).isEqualTo(ActivityKind.RUN_RACE_5K);
        JsonPath json = given().auth().oauth2(token).when().get("/api/v3/activities/" + parkrun.id())
                .then().statusCode(200).body("resource_state", equalTo(3)).body("workout_type", equalTo(1))
                .extract().jsonPath();
        assertThat(json.getString("name")).isEqualTo(parkrun.name()).matches("parkrun 5K - \\d+:\\d\\d");
        assertThat(json.getList("laps")).hasSize(3);
        assertThat(json.getList("splits_metric")).hasSizeGreaterThan(5);
        int raceSeconds = parkrun.known().seconds();
        Map<String, Object> fiveK = json.getMap("best_efforts.find { it.name == '5k' }");
        // the race is held at constant speed: the 5 km effort is the race, to the second (samples are 1 s apart)
        assertThat((Integer) fiveK.get("elapsed_time")).isBetween(raceSeconds, raceSeconds + 1);
        assertThat((Integer) fiveK.get("start_index")).isBetween(899, 900);
        assertThat(json.getInt("laps[1].elapsed_time")).isEqualTo(raceSeconds);
    }

    @Test
    void streamsComeKeyedByTypeOrAsAnArrayWithTheRequestedKeys() {
        ActivityPlan ftpTest = GENERATOR.plans().get(3);
        assertThat(ftpTest.kind()).isEqualTo(ActivityKind.RIDE_FTP_TEST);
        String path = "/api/v3/activities/" + ftpTest.id() + "/streams";
        JsonPath byType = given().auth().oauth2(token).queryParam("keys", "time,watts,heartrate")
                .queryParam("key_by_type", true).when().get(path).then().statusCode(200).extract().jsonPath();
        List<Integer> watts = byType.getList("watts.data", Integer.class);
        List<Integer> time = byType.getList("time.data", Integer.class);
        assertThat(watts).hasSameSizeAs(time).hasSize(byType.getInt("watts.original_size"));
        assertThat(watts.subList(900, 2100)).containsOnly(ftpTest.known().watts());
        assertThat(byType.getString("watts.series_type")).isEqualTo("distance");
        assertThat(byType.getString("watts.resolution")).isEqualTo("high");
        assertThat(byType.getMap("")).containsOnlyKeys("time", "watts", "heartrate"); // no distance indoors

        JsonPath array = given().auth().oauth2(token).queryParam("keys", "time,watts").when().get(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(array.getList("type", String.class)).containsExactly("time", "watts");
        assertThat(array.getList("[1].data", Integer.class)).isEqualTo(watts);
    }

    @Test
    void runStreamsAlwaysIncludeDistanceAndNoKeysMeansDistanceOnly() {
        ActivityPlan parkrun = GENERATOR.plans().get(7);
        String path = "/api/v3/activities/" + parkrun.id() + "/streams";
        JsonPath json = given().auth().oauth2(token).queryParam("keys", "heartrate,latlng")
                .queryParam("key_by_type", "true").when().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(json.getMap("")).containsOnlyKeys("distance", "latlng", "heartrate");
        JsonPath none = given().auth().oauth2(token).queryParam("key_by_type", "true").when().get(path)
                .then().statusCode(200).extract().jsonPath();
        assertThat(none.getMap("")).containsOnlyKeys("distance");
    }

    @Test
    void manualActivitiesHaveNoStreams() {
        ActivityPlan manual = GENERATOR.plans().get(11);
        assertThat(manual.manual()).isTrue();
        given().auth().oauth2(token).when().get("/api/v3/activities/" + manual.id()).then().statusCode(200)
                .body("manual", equalTo(true));
        given().auth().oauth2(token).queryParam("keys", "time").queryParam("key_by_type", true)
                .when().get("/api/v3/activities/" + manual.id() + "/streams").then().statusCode(404)
                .body("message", equalTo("Record Not Found"));
    }

    @Test
    void unknownActivityIs404() {
        given().auth().oauth2(token).when().get("/api/v3/activities/1").then().statusCode(404)
                .body("errors[0].resource", equalTo("Activity"));
        given().auth().oauth2(token).when().get("/api/v3/activities/not-a-number").then().statusCode(404);
    }

    @Test
    void zonesFollowTheAthleteAsOfTheClock() {
        Sim.clock("2026-04-11T12:00:00Z"); // the day before the 40th birthday: max HR round(211 - 0.64 * 39) = 186
        given().auth().oauth2(token).when().get("/api/v3/athlete/zones").then().statusCode(200)
                .body("heart_rate.custom_zones", equalTo(false)).body("heart_rate.zones", hasSize(5))
                .body("heart_rate.zones[1].min", equalTo(Math.round(186 * 0.60f)))
                .body("heart_rate.zones[4].max", equalTo(-1)).body("power.zones", hasSize(7));
        Sim.clock("2026-04-12T12:00:00Z"); // 40: round(211 - 25.6) = 185
        given().auth().oauth2(token).when().get("/api/v3/athlete/zones").then().statusCode(200)
                .body("heart_rate.zones[1].min", equalTo(Math.round(185 * 0.60f)));
    }

    @Test
    void athleteIsTheGeneratedOne() {
        given().auth().oauth2(token).when().get("/api/v3/athlete").then().statusCode(200)
                .body("id", equalTo(31415926)).body("firstname", equalTo("Sam")).body("measurement_preference",
                        equalTo("meters"));
    }
}
