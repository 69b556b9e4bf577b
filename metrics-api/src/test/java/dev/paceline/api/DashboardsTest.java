package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.api.support.Api;
import dev.paceline.api.support.SnapshotLakeResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every URL a Grafana dashboard in ../dashboards calls is an endpoint this API serves: it is called (variables
 * substituted) and must answer 200 with a JSON array whose rows carry the columns the panel selects.
 */
@QuarkusTest
@WithTestResource(SnapshotLakeResource.class)
class DashboardsTest {

    private static final Path DASHBOARDS = Path.of("..", "dashboards");

    /** Columns of mart_rolling_90d per docs/marts.md (the fixture carries a subset). */
    private static Set<String> rollingContract() {
        List<String> base = new ArrayList<>(List.of("activity_count", "active_days", "moving_time_s", "distance_m",
                "elevation_gain_m", "kilojoules", "load", "avg_if", "eftp_w", "run_best_5k_s", "threshold_pace_mps", "ctl"));
        for (String kind : List.of("hr", "power", "pace")) {
            for (int z = 1; z <= (kind.equals("hr") ? 5 : 7); z++) {
                base.add(kind + "_z" + z + "_s");
                base.add(kind + "_z" + z + "_share");
            }
        }
        for (int d : dev.paceline.api.query.BestsQueries.DURATIONS) {
            base.add("power_best_" + d + "_w");
        }
        Set<String> all = new HashSet<>(List.of("date", "sport"));
        for (String b : base) {
            all.add(b);
            all.add(b + "_prev");
            all.add(b + "_change_pct");
        }
        return all;
    }

    @Test
    void everyDashboardUrlIsServedWithTheSelectedColumns() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DASHBOARDS)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("dashboards in %s", DASHBOARDS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(2);
        int checked = 0;
        for (Path f : files) {
            JsonNode dash = Api.json(Files.readString(f));
            assertThat(dash.path("templating").path("list").findValuesAsText("name")).as(f + " variables")
                    .contains("datasource", "athlete");
            for (JsonNode panel : dash.get("panels")) {
                assertThat(panel.path("datasource").path("type").asText()).isEqualTo("yesoreyeram-infinity-datasource");
                for (JsonNode t : panel.path("targets")) {
                    String url = t.get("url").asText();
                    String concrete = url.replace("${athlete}", "1").replace("${sport}", "ride")
                            .replace("${__from:date:YYYY-MM-DD}", "2026-11-01").replace("${__to:date:YYYY-MM-DD}", "2026-11-27");
                    assertThat(concrete).as("%s: %s uses an unknown variable", f.getFileName(), url).doesNotContain("$");
                    assertThat(concrete).startsWith("/api/v1/");
                    String body = admin().get(concrete).then().statusCode(200).contentType("application/json")
                            .extract().asString();
                    JsonNode rows = Api.json(body);
                    assertThat(rows.isArray()).as(concrete).isTrue();
                    assertThat(rows.size()).as("%s answers rows on the fixture", concrete).isPositive();
                    Set<String> keys = new HashSet<>();
                    for (Iterator<String> it = rows.get(0).fieldNames(); it.hasNext();) {
                        keys.add(it.next());
                    }
                    for (JsonNode c : t.path("columns")) {
                        String sel = c.get("selector").asText();
                        boolean known = keys.contains(sel)
                                || (concrete.contains("/rolling") && rollingContract().contains(sel))
                                || (concrete.contains("/zone-times") && sel.matches("z[1-7]_s"));
                        assertThat(known).as("%s: panel '%s' selects '%s', which %s does not return", f.getFileName(),
                                panel.get("title").asText(), sel, concrete).isTrue();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }
}
