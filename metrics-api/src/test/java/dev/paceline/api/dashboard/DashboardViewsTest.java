package dev.paceline.api.dashboard;

import static dev.paceline.api.dashboard.Shown.byColumn;
import static dev.paceline.api.dashboard.Shown.duration;
import static dev.paceline.api.dashboard.Shown.km;
import static dev.paceline.api.dashboard.Shown.num;
import static dev.paceline.api.dashboard.Shown.share;
import static dev.paceline.api.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.api.support.Api;
import dev.paceline.api.support.Fixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Each dashboard view in headless Chromium on the fixture snapshot: the numbers shown are the API's, the browser logs
 * no console error and no failed request, the key is in no request URL, and screenshots (desktop and 390 px) are
 * saved under target/screenshots/.
 */
@QuarkusTest
@WithTestResource(DashboardLakeResource.class)
class DashboardViewsTest {

    private static final String A1 = "/api/v1/athletes/1";
    private static final String AS_OF = "2026-11-27";

    @TestHTTPResource("/")
    URL base;

    private final Browser browser = Browser.get();

    @Test
    void overviewShowsThisWeekTheNinetyDaysFitnessAndRecentActivitiesAsTheApiGivesThem() {
        open("/?athlete=1");
        assertThat(browser.text("h1")).isEqualTo("Ada Lovelace");

        List<List<String>> week = new ArrayList<>();
        for (String metric : List.of("moving_time_s", "outdoor_distance_m", "outdoor_elevation_m", "active_days")) {
            JsonNode rows = get(A1 + "/weekly?metric=" + metric + "&weeks=1");
            JsonNode r = rows.get(rows.size() - 1);
            week.add(List.of(byColumn(metric, r.get("value")), byColumn(metric, r.get("avg_6w")),
                    byColumn(metric, r.get("avg_52w")), num(r.get("rank_52w"))));
        }
        assertThat(values(browser.table("week"))).isEqualTo(week);
        assertThat(browser.table("week").get(0)).containsExactly("moving time", "5:00:00", "4:00:00", "16:40", "1");

        JsonNode ninety = get(A1 + "/rolling?window=90d&sport=all").get(0);
        List<List<String>> expected = new ArrayList<>();
        for (String c : List.of("activity_count", "moving_time_s", "distance_m", "ctl")) {
            expected.add(List.of(byColumn(c, ninety.get(c)), byColumn(c + "_prev", ninety.get(c + "_prev")),
                    byColumn(c + "_change_pct", ninety.get(c + "_change_pct"))));
        }
        assertThat(values(browser.table("ninety"))).isEqualTo(expected);
        assertThat(browser.table("ninety").get(1)).containsExactly("moving time", "27:00:00", "13:30:00", "100%");

        JsonNode days = get(A1 + "/fitness?from=" + LocalDate.parse(AS_OF).minusDays(41));
        JsonNode last = days.get(days.size() - 1);
        assertThat(browser.table("form")).containsExactly(List.of(last.get("date").asText(), num(last.get("ctl")),
                num(last.get("atl")), num(last.get("form")), num(last.get("load"))));
        assertThat(browser.table("form").get(0)).containsExactly("2026-11-27", "42.7", "35.4", "7.3", "50");

        assertThat(browser.table("recent")).isEqualTo(activityRows(get(A1 + "/activities?limit=5")));
        assertThat(browser.findAll(By.cssSelector(".chart .uplot"))).hasSize(1);
        clean("overview");
    }

    @Test
    void fitnessShowsEveryDayOfTheRangeNewestFirst() {
        open("/fitness?athlete=1&range=all");
        JsonNode days = get(A1 + "/fitness");
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode d : days) {
            expected.add(0, List.of(d.get("date").asText(), num(d.get("load")), num(d.get("ctl")), num(d.get("atl")),
                    num(d.get("form"))));
        }
        assertThat(browser.table("fitness")).hasSize(27).isEqualTo(expected);
        assertThat(browser.table("fitness").get(0)).containsExactly("2026-11-27", "50", "42.7", "35.4", "7.3");
        clean("fitness");

        open("/fitness?athlete=1&from=2026-11-20&to=2026-11-22");
        assertThat(browser.table("fitness")).extracting(r -> r.get(0)).containsExactly("2026-11-22", "2026-11-21", "2026-11-20");
        clean(null);
    }

    @Test
    void powerComparesTheCurvesOfTwoWindowsAndListsTheBestEfforts() {
        open("/power?athlete=1&window=90d&compare=all");
        JsonNode curve = get(A1 + "/power-curve?window=90d");
        JsonNode other = get(A1 + "/power-curve?window=all");
        TreeSet<Long> durations = new TreeSet<>();
        curve.forEach(r -> durations.add(r.get("duration_s").asLong()));
        other.forEach(r -> durations.add(r.get("duration_s").asLong()));
        List<List<String>> expected = new ArrayList<>();
        for (long d : durations) {
            JsonNode a = at(curve, "duration_s", d);
            JsonNode b = at(other, "duration_s", d);
            expected.add(List.of(Shown.durationLabel(d), num(a == null ? null : a.get("watts")),
                    a == null ? "–" : a.get("local_date").asText(), num(b == null ? null : b.get("watts")),
                    b == null ? "–" : b.get("local_date").asText()));
        }
        assertThat(browser.table("curve")).isEqualTo(expected);
        assertThat(browser.table("curve").get(0)).containsExactly("15s", "520", "2026-11-10", "610", "2025-06-01");

        JsonNode bests = get(A1 + "/power-bests?from=2026-08-30&to=" + AS_OF);
        JsonNode allBests = get(A1 + "/power-bests");
        List<List<String>> best = new ArrayList<>();
        for (int i = 0; i < bests.size(); i++) {
            JsonNode b = bests.get(i);
            JsonNode c = at(allBests, "duration_s", b.get("duration_s").asLong());
            best.add(List.of(b.get("duration").asText(), num(b.get("watts")), date(b), num(c.get("watts")), date(c)));
        }
        assertThat(browser.table("bests")).isEqualTo(best);
        assertThat(browser.table("bests")).contains(List.of("20m", "255", "2026-11-10", "255", "2026-11-10"));
        clean("power");
    }

    @Test
    void zonesStackTheWeeksTimeInZonesWithShares() {
        open("/zones?athlete=1&type=heartrate&group=week");
        JsonNode rows = get(A1 + "/zone-times?type=heartrate&group=week&sport=all&from="
                + LocalDate.parse(AS_OF).minusDays(26 * 7 - 1));
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode r : rows) {
            List<String> row = new ArrayList<>(List.of(r.get("date").asText(), num(r.get("activities"))));
            for (int z = 1; z <= 5; z++) {
                row.add(duration(r.get("z" + z + "_s")) + " (" + share(r.get("z" + z + "_s"), r.get("total_s")) + ")");
            }
            row.add(duration(r.get("total_s")));
            expected.add(0, row);
        }
        assertThat(browser.table("zones")).isEqualTo(expected);
        assertThat(browser.table("zones")).contains(List.of("2026-11-02", "2", "10:00 (12.5%)", "31:40 (39.6%)",
                "20:00 (25.0%)", "15:00 (18.8%)", "3:20 (4.2%)", "1:20:00"));
        assertThat(browser.text("#view")).contains("Z1: 0 to 112 bpm");
        clean("zones");

        open("/zones?athlete=1&type=power&group=month");
        assertThat(browser.table("zones")).hasSize(1);
        clean("zones-power-month");
    }

    @Test
    void ninetyDayViewShowsEachMetricWithThePreviousPeriodAndTheChange() {
        open("/90-day?athlete=1&sport=ride");
        JsonNode row = get(A1 + "/rolling?window=90d&sport=ride").get(0);
        List<List<String>> expected = new ArrayList<>();
        row.fieldNames().forEachRemaining(c -> {
            if (!List.of("date", "sport").contains(c) && !c.endsWith("_prev") && !c.endsWith("_change_pct")) {
                expected.add(List.of(byColumn(c, row.get(c)), byColumn(c + "_prev", row.get(c + "_prev")),
                        byColumn(c + "_change_pct", row.get(c + "_change_pct"))));
            }
        });
        assertThat(values(browser.table("rolling"))).isEqualTo(expected);
        assertThat(browser.table("rolling")).contains(List.of("best 5m power (W)", "307", "–", "–"));
        JsonNode series = get(A1 + "/rolling?window=90d&sport=ride&from=2025-11-28&to=" + AS_OF);
        assertThat(browser.table("rolling-series")).hasSize(series.size());
        JsonNode newest = series.get(series.size() - 1);
        assertThat(browser.table("rolling-series").get(0)).containsExactly(AS_OF, duration(newest.get("moving_time_s")),
                duration(newest.get("moving_time_s_prev")), Shown.pct(newest.get("moving_time_s_change_pct")));
        clean("90-day");
    }

    @Test
    void weeklyShowsValuesAveragesAndRanksNewestFirst() {
        open("/weekly?athlete=1&metric=outdoor_distance_m&weeks=13");
        JsonNode rows = get(A1 + "/weekly?metric=outdoor_distance_m&weeks=13");
        List<List<String>> expected = new ArrayList<>();
        for (JsonNode r : rows) {
            List<String> row = new ArrayList<>(List.of(r.get("week_start").asText()));
            for (String c : List.of("value", "avg_6w", "avg_13w", "avg_26w", "avg_52w")) {
                row.add(km(r.get(c)));
            }
            for (String c : List.of("rank_6w", "rank_13w", "rank_26w", "rank_52w", "rank_all")) {
                row.add(num(r.get(c)));
            }
            expected.add(0, row);
        }
        assertThat(browser.table("weekly")).isEqualTo(expected);
        assertThat(browser.table("weekly").get(0)).containsExactly("2026-11-23", "40.00", "5.00", "4.00", "3.00", "2.00",
                "1", "2", "3", "4", "5");
        clean("weekly");
    }

    @Test
    void activitiesFilterBySportAndTypeAndPageWithTheApisCursor() {
        open("/activities?athlete=1&sport=ride");
        assertThat(browser.table("activities")).isEqualTo(activityRows(get(A1 + "/activities?sport=ride&limit=25")));
        assertThat(browser.table("activities").get(0)).containsExactly("2026-11-10", "Zwift race", "ride", "race", "40:00",
                "24.00", "165", "260", "72.1", "72.1");
        clean("activities");

        open("/activities?athlete=1&type=race");
        assertThat(browser.table("activities")).extracting(r -> r.get(1)).containsExactly("Zwift race", "Parkrun, fast");
        browser.click(By.linkText("Parkrun, fast"));
        assertThat(browser.url()).endsWith("/activities/102?athlete=1");
        assertThat(browser.text("h1")).isEqualTo("Parkrun, fast");
        clean(null);
    }

    @Test
    void activityShowsItsFactsZoneTimesAndBests() {
        open("/activities/101?athlete=1");
        JsonNode a = get(A1 + "/activities/101");
        assertThat(browser.text("h1")).isEqualTo("Morning Ride");
        a.fieldNames().forEachRemaining(k -> {
            JsonNode v = a.get(k);
            if (!v.isContainerNode() && !k.equals("name")) {
                String shown = v.isBoolean() ? (v.asBoolean() ? "yes" : "no") : byColumn(k, v);
                assertThat(browser.find(By.cssSelector("dd[data-key='" + k + "']")).getText()).as(k).isEqualTo(shown);
            }
        });
        assertThat(browser.find(By.cssSelector("dd[data-key='np_w']")).getText()).isEqualTo("220");
        assertThat(browser.find(By.cssSelector("dd[data-key='distance_m']")).getText()).isEqualTo("30.00");

        List<List<String>> zones = new ArrayList<>();
        long total = 0;
        for (JsonNode z : a.get("zone_times")) {
            if (z.get("zone_type").asText().equals("heartrate")) {
                total += z.get("seconds").asLong();
            }
        }
        for (JsonNode z : a.get("zone_times")) {
            if (z.get("zone_type").asText().equals("heartrate")) {
                zones.add(List.of("Z" + z.get("zone").asText(), num(z.get("lower")) + " to "
                        + (z.get("upper").isNull() ? "…" : num(z.get("upper"))), duration(z.get("seconds")),
                        share(z.get("seconds"), Api.JSON.getNodeFactory().numberNode(total))));
            }
        }
        assertThat(browser.table("zones-heartrate")).isEqualTo(zones);
        assertThat(browser.table("zones-heartrate").get(1)).containsExactly("Z2", "10 to 20", "30:00", "50.0%");

        List<List<String>> bests = new ArrayList<>();
        for (JsonNode p : a.get("power_bests")) {
            bests.add(List.of(Shown.durationLabel(p.get("duration_s").asLong()), num(p.get("watts")), duration(p.get("start_s"))));
        }
        assertThat(browser.table("power-bests")).isEqualTo(bests);
        assertThat(browser.table("power-bests").get(0)).containsExactly("15s", "400.5", "0:00");
        clean("activity");

        open("/activities/102?athlete=1");
        assertThat(browser.table("run-bests")).containsExactly(List.of("1k", "3:41", "3:41", "0:40"),
                List.of("5k", "19:40", "3:56", "0:04"));
        assertThat(browser.text("#view")).doesNotContain("Power bests");
        clean("activity-run");
    }

    @Test
    void emptyStatesSayWhatIsMissingAndWhatToDo() {
        open("/?athlete=3");
        assertThat(browser.text(".empty")).contains("No activities yet.").contains("./paceline up");
        clean("empty-no-activities");

        open("/power?athlete=2");
        assertThat(browser.text(".empty")).contains("No power data yet.").contains("power meter");
        clean("empty-no-power");

        open("/activities/999?athlete=1");
        browser.drain(); // the API's 404 for the unknown activity is the expected answer here
        assertThat(browser.text(".empty")).contains("No activity 999 for this athlete.");
    }

    @Test
    void aLinkToAnotherViewKeepsTheAthleteAndDrawsWithoutReloadingThePage() {
        open("/?athlete=1");
        browser.js("window.__sameDocument = true;");
        browser.click(By.linkText("Weekly"));
        assertThat(browser.url()).endsWith("/weekly?athlete=1");
        assertThat(browser.js("return window.__sameDocument === true;")).isEqualTo(true);
        assertThat(browser.find(By.cssSelector("#nav a[aria-current='page']")).getText()).isEqualTo("Weekly");
        browser.js("history.back();");
        browser.awaitReady();
        assertThat(browser.text("h1")).isEqualTo("Ada Lovelace");
        clean(null);
    }

    private void open(String path) {
        browser.open(base.toString().replaceAll("/$", "") + path + "#key=" + Fixture.ADMIN_KEY);
    }

    /** No console error, no failed request, the key in no URL; screenshots at desktop and phone width. */
    private void clean(String screenshot) {
        Browser.Requests requests = browser.requests();
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
        assertThat(requests.failed()).as("failed requests").isEmpty();
        assertThat(requests.urls()).as("requests").isNotEmpty().noneMatch(u -> u.contains(Fixture.ADMIN_KEY));
        assertThat(browser.url()).doesNotContain("key=");
        if (screenshot != null) {
            try {
                assertThat(Files.size(browser.screenshot(screenshot, Browser.DESKTOP))).isGreaterThan(10_000);
                assertThat(Files.size(browser.screenshot(screenshot + "-phone", Browser.PHONE))).isGreaterThan(5_000);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(browser.consoleErrors()).as("console errors while resizing").isEmpty();
        }
    }

    private static JsonNode get(String path) {
        return Api.json(admin().get(path).then().statusCode(200).extract().asString());
    }

    private static JsonNode at(JsonNode rows, String field, long value) {
        for (JsonNode r : rows) {
            if (r.get(field).asLong() == value) {
                return r;
            }
        }
        return null;
    }

    private static String date(JsonNode best) {
        return best == null || best.get("activity_id").isNull() ? "–" : best.get("local_date").asText();
    }

    /** The cells after the row header (the label). */
    private static List<List<String>> values(List<List<String>> rows) {
        return rows.stream().map(r -> r.subList(1, r.size())).toList();
    }

    private static List<List<String>> activityRows(JsonNode activities) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : activities) {
            rows.add(List.of(a.get("local_date").asText(), a.get("name").asText(), a.get("sport").asText(),
                    a.get("activity_type").isNull() ? "–" : a.get("activity_type").asText(), duration(a.get("moving_time_s")),
                    km(a.get("distance_m")), num(a.get("avg_hr_bpm")), num(a.get("np_w")), num(a.get("tss")),
                    num(a.get("load"))));
        }
        return rows;
    }

}
