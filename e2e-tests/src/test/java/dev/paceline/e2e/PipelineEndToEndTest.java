package dev.paceline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.testing.process.QuarkusAppProcess;
import dev.paceline.platform.testing.simulator.SimulatorProcess;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline, every piece real and in its own process: the Strava simulator (a generated athlete with known
 * properties) → ingest-service (job mode, then service mode for webhooks) → transform-service (job mode, DuckDB file)
 * → metrics-api, over a folder lake. Figures are asserted through the API against what the simulator generated.
 */
class PipelineEndToEndTest {

    private static final int ACTIVITIES = 30;
    private static final String API_KEY = "e2e-local-admin-key-7c1d-0b9e";
    private static final String VERIFY_TOKEN = "e2e-verify-token";
    private static final Pattern FTP_TEST = Pattern.compile("FTP test: 20 min @ (\\d+) W");
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    private static Path work;
    private static Path lake;
    private static SimulatorProcess simulator;
    private static final List<QuarkusAppProcess> services = new ArrayList<>();
    private static Map<String, String> storage;
    private static Map<String, String> strava;

    @BeforeAll
    static void startSimulator() throws IOException {
        Path target = QuarkusAppProcess.repositoryRoot().resolve("e2e-tests/target");
        Files.createDirectories(target);
        work = Files.createTempDirectory(target, "e2e-");
        lake = work.resolve("lake");
        simulator = SimulatorProcess.start(Map.of(
                "simulator.generator.activities", Integer.toString(ACTIVITIES),
                "simulator.generator.years", "1",
                "simulator.limits.read15min", "100000",
                "simulator.limits.read-daily", "1000000",
                "simulator.limits.overall15min", "200000",
                "simulator.limits.overall-daily", "2000000"));
        storage = Map.of(
                "PACELINE_LAKE_URI", lake.toString(),
                "PACELINE_WAREHOUSE_URI", "duckdb:" + work.resolve("warehouse.duckdb"));
        strava = new LinkedHashMap<>(storage);
        strava.put("STRAVA_CLIENT_ID", SimulatorProcess.CLIENT_ID);
        strava.put("STRAVA_CLIENT_SECRET", SimulatorProcess.CLIENT_SECRET);
        strava.put("STRAVA_REFRESH_TOKEN", SimulatorProcess.REFRESH_TOKEN);
        strava.put("PACELINE_STRAVA_API_URL", simulator.apiUrl());
        strava.put("PACELINE_STRAVA_OAUTH_URL", simulator.oauthUrl());
        strava.put("PACELINE_TOKEN_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        strava.put("STRAVA_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN);
    }

    @AfterAll
    static void stopEverything() {
        services.forEach(QuarkusAppProcess::close);
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void stravaToApiThenDeletionAndDeauthorization() {
        runJob("ingest-service", strava);
        runJob("transform-service", storage);
        runBestsAgreeWithTheSimulatorsBestEfforts();

        QuarkusAppProcess api = start(QuarkusAppProcess.of("metrics-api").env(storage)
                .env("PACELINE_LOCAL_API_KEY", API_KEY)
                .property("paceline.api.snapshot.poll-interval", "1s"));
        api.awaitManagementOk("/q/health/ready", Duration.ofMinutes(2));
        String base = api.baseUrl() + "/api/v1";

        JsonNode generated = simulatorActivities();
        long athleteId = generated.get(0).path("athlete").path("id").asLong();
        JsonNode served = getJson(base + "/athletes/" + athleteId + "/activities?limit=1000");
        assertThat(served.size()).as("every generated activity is served").isEqualTo(generated.size());

        knownFtpTestGivesItsBestEfforts(base, athleteId, served);
        zoneTimesSumToTheCoveredMovingTime(base, athleteId, served);
        theNinetyDayViewCountsTheGeneratedActivities(base, athleteId, generated);

        // Webhooks: the ingest service subscribes, then the simulator deletes an activity and sends the event.
        QuarkusAppProcess ingest = start(QuarkusAppProcess.of("ingest-service").env(strava)
                .env("PACELINE_LOCAL_API_KEY", API_KEY)
                .property("paceline.ingest.schedule", "off")
                .property("paceline.ingest.webhook-poll", "1s"));
        ingest.awaitManagementOk("/q/health/ready", Duration.ofMinutes(2));
        Http.Answer unauthorized = Http.post(ingest.baseUrl() + "/webhook/subscription", "application/json", "");
        assertThat(unauthorized.status()).as("operations endpoints need the admin key").isEqualTo(401);
        Http.Answer subscribed = Http.post(ingest.baseUrl() + "/webhook/subscription?callback_url="
                + ingest.baseUrl() + "/webhook", "application/json", "", API_KEY);
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);

        long deleted = served.get(0).get("activity_id").asLong();
        Http.Answer deletion = Http.delete(simulator.adminUrl() + "/activities/" + deleted);
        assertThat(deletion.status()).as(deletion.body()).isBetween(200, 204);
        Path tombstone = lake.resolve("raw/strava/athlete_id=" + athleteId + "/deletions/" + deleted + ".json");
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(tombstone));
        awaitManifestAfter(tombstone);
        runJob("transform-service", storage);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(Http.get(base + "/athletes/" + athleteId + "/activities/" + deleted, API_KEY).status())
                        .isEqualTo(404));
        assertThat(getJson(base + "/athletes/" + athleteId + "/activities?limit=1000").size())
                .isEqualTo(generated.size() - 1);

        // Deauthorization: the athlete revokes access; ingest purges the raw data, the next build drops the athlete.
        Http.Answer revoked = Http.post(simulator.oauthUrl() + "/deauthorize", "application/x-www-form-urlencoded",
                "access_token=" + accessTokenOfOurOwn());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        Path deauthorized = lake.resolve("raw/strava/athlete_id=" + athleteId + "/deauthorized.json");
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(deauthorized));
        awaitManifestAfter(deauthorized);
        runJob("transform-service", storage);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                assertThat(Http.get(base + "/athletes/" + athleteId, API_KEY).status()).isEqualTo(404));
        try (Lake objects = Lakes.open(LakeUri.parse(lake.toString()))) {
            assertThat(objects.listAll(LakeLayout.athletePrefix(athleteId)))
                    .as("only the deauthorization marker is left of the athlete's raw data")
                    .extracting(ObjectInfo::path)
                    .containsExactly(LakeLayout.athleteDeauthorization(athleteId));
        }
    }

    /**
     * METRICS.md's cross-check: the simulator times best efforts as Strava does (whole samples: the shortest span from
     * one sample to a later one covering the distance); Paceline interpolates the boundary crossings, so its time is
     * shorter, by under one sample interval (1 s) at each end. It can be longer only where Strava's distance is shorter
     * than Paceline's (the mile: 1,609 m against 1,609.344 m; the half marathon: 21,097 m against 21,097.5 m), by the
     * time that half metre takes: about 0.1 s at a jog (measured: −0.11 s at the most).
     */
    private static void runBestsAgreeWithTheSimulatorsBestEfforts() {
        try (FileLake files = new FileLake(lake);
             DuckDbWarehouse warehouse = new DuckDbWarehouse(work.resolve("warehouse.duckdb"), files)) {
            Map<String, Object> check = warehouse.query("SELECT COUNT(*) AS efforts, COUNT(DISTINCT activity_id) AS runs, "
                    + "COUNT(paceline_time_s) AS compared, MIN(difference_s) AS min_diff, MAX(difference_s) AS max_diff, "
                    + "AVG(difference_s) AS mean_diff FROM int_run_bests_vs_strava").get(0);
            System.out.println("run bests vs the simulator's best efforts: " + check);
            assertThat(((Number) check.get("efforts")).longValue()).as("simulated runs carry best efforts").isPositive();
            assertThat(check.get("compared")).as("Paceline has a best for every effort").isEqualTo(check.get("efforts"));
            assertThat(((Number) check.get("min_diff")).doubleValue()).isGreaterThanOrEqualTo(-0.5);
            assertThat(warehouse.query("SELECT COUNT(*) AS n FROM int_run_bests_vs_strava WHERE difference_s < -1e-6 "
                    + "AND strava_distance_m >= paceline_distance_m").get(0).get("n")).as("longer only at a shorter Strava distance")
                    .isEqualTo(0L);
            assertThat(((Number) check.get("max_diff")).doubleValue()).isLessThanOrEqualTo(2.0);
        }
    }

    private static void knownFtpTestGivesItsBestEfforts(String base, long athleteId, JsonNode served) {
        JsonNode test = null;
        int watts = 0;
        for (JsonNode activity : served) {
            Matcher m = FTP_TEST.matcher(activity.path("name").asText());
            if (m.matches()) {
                test = activity;
                watts = Integer.parseInt(m.group(1));
            }
        }
        assertThat(test).as("the generated athlete has an FTP test (activity index 3 of every 25)").isNotNull();
        JsonNode detail = getJson(base + "/athletes/" + athleteId + "/activities/" + test.get("activity_id").asLong());
        Map<Integer, JsonNode> bests = new LinkedHashMap<>();
        detail.get("power_bests").forEach(b -> bests.put(b.get("duration_s").asInt(), b));
        // 1,200 s held at exactly `watts` from second 900, between an easier warm-up and cool-down
        for (int duration : new int[] {60, 120, 300, 600, 1200}) {
            assertThat(bests).containsKey(duration);
            assertThat(bests.get(duration).get("watts").asDouble()).as("best %d s", duration).isEqualTo(watts);
        }
        assertThat(bests.get(1200).get("start_s").asInt()).isEqualTo(900);
        assertThat(bests.get(1800).get("watts").asDouble()).isLessThan(watts);
    }

    private static void zoneTimesSumToTheCoveredMovingTime(String base, long athleteId, JsonNode served) {
        int checked = 0;
        for (JsonNode activity : served) {
            if (!activity.path("has_hr").asBoolean(false)) {
                continue;
            }
            JsonNode detail = getJson(base + "/athletes/" + athleteId + "/activities/" + activity.get("activity_id").asLong());
            long sum = 0;
            double coverage = -1;
            for (JsonNode zone : detail.get("zone_times")) {
                if (zone.get("zone_type").asText().equals("heartrate")) {
                    sum += zone.get("seconds").asLong();
                    coverage = zone.get("coverage").asDouble();
                }
            }
            assertThat(coverage).as("activity %s has heart-rate zone times", activity.get("activity_id")).isPositive();
            double covered = coverage * detail.get("moving_time_s").asDouble();
            assertThat((double) sum).as("HR zone seconds of %s", activity.get("activity_id"))
                    .isCloseTo(covered, within(Math.max(2.0, covered * 0.005)));
            checked++;
        }
        assertThat(checked).as("activities with heart rate checked").isGreaterThan(ACTIVITIES / 2);
    }

    private static void theNinetyDayViewCountsTheGeneratedActivities(String base, long athleteId, JsonNode generated) {
        LocalDate last = LocalDate.MIN;
        for (JsonNode a : generated) {
            LocalDate d = LocalDate.parse(a.get("start_date_local").asText().substring(0, 10));
            last = d.isAfter(last) ? d : last;
        }
        int expected = 0;
        for (JsonNode a : generated) {
            LocalDate d = LocalDate.parse(a.get("start_date_local").asText().substring(0, 10));
            if (!d.isBefore(last.minusDays(89)) && !d.isAfter(last)) {
                expected++;
            }
        }
        JsonNode rolling = getJson(base + "/athletes/" + athleteId + "/rolling?window=90d&sport=all&date=" + last);
        assertThat(rolling.get(0).get("activity_count").asInt()).isEqualTo(expected);
    }

    /** Every activity the simulator holds, read from its Strava API with a token of our own. */
    private static JsonNode simulatorActivities() {
        String access = accessTokenOfOurOwn();
        Http.Answer page = Http.get(simulator.apiUrl() + "/athlete/activities?per_page=200&page=1", access);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().size()).isEqualTo(ACTIVITIES);
        return page.json();
    }

    /**
     * An access token for the athlete from the authorization-code flow, as a second app user would get one: the
     * configured refresh token belongs to the ingest-service, which rotates it.
     */
    private static String accessTokenOfOurOwn() {
        Http.Answer authorize = Http.get(simulator.oauthUrl() + "/authorize?client_id=" + SimulatorProcess.CLIENT_ID
                + "&redirect_uri=http://localhost/callback&response_type=code&scope=read,activity:read_all,profile:read_all",
                null);
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(authorize.location());
        assertThat(code.find()).as("code in " + authorize.location()).isTrue();
        Http.Answer token = Http.post(simulator.oauthUrl() + "/token", "application/x-www-form-urlencoded",
                "client_id=" + SimulatorProcess.CLIENT_ID + "&client_secret=" + SimulatorProcess.CLIENT_SECRET
                        + "&grant_type=authorization_code&code=" + code.group(1));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }

    /** Waits until an ingest manifest newer than {@code object} exists: the run that wrote it is complete. */
    private static void awaitManifestAfter(Path object) {
        Path manifests = lake.resolve("manifests/ingest");
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            long written = Files.getLastModifiedTime(object).toMillis();
            try (var files = Files.list(manifests)) {
                return files.anyMatch(f -> {
                    try {
                        return f.toString().endsWith(".json") && Files.getLastModifiedTime(f).toMillis() >= written;
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        });
    }

    private static void runJob(String module, Map<String, String> env) {
        try (QuarkusAppProcess job = QuarkusAppProcess.of(module).env(env).env("PACELINE_MODE", "job").start()) {
            int exit = job.waitForExit(JOB_TIMEOUT);
            assertThat(exit).as(module + " job exit code; log:\n" + job.tail()).isZero();
        }
    }

    private static QuarkusAppProcess start(QuarkusAppProcess.Builder builder) {
        QuarkusAppProcess process = builder.start();
        services.add(process);
        return process;
    }

    private static JsonNode getJson(String url) {
        Http.Answer answer = Http.get(url, API_KEY);
        assertThat(answer.status()).as("GET " + url + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }
}
