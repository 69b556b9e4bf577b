package dev.paceline.api;

import static dev.paceline.api.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.api.support.Api;
import dev.paceline.api.support.SnapshotLakeResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV form of every list endpoint has the JSON keys as header and the same value text in every cell. */
@QuarkusTest
@WithTestResource(SnapshotLakeResource.class)
class CsvMatchesJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/athletes",
        "/api/v1/athletes/1/activities",
        "/api/v1/athletes/1/activities?sport=run&limit=1",
        "/api/v1/athletes/1/zones",
        "/api/v1/athletes/1/zone-times?group=week",
        "/api/v1/athletes/1/zone-times?type=power",
        "/api/v1/athletes/1/power-bests",
        "/api/v1/athletes/1/power-curve?window=all",
        "/api/v1/athletes/1/run-bests",
        "/api/v1/athletes/1/rolling?from=2026-11-01&to=2026-11-27&sport=ride",
        "/api/v1/athletes/1/weekly?metric=outdoor_distance_m",
        "/api/v1/athletes/1/fitness",
        "/api/v1/athletes/2/activities"
    })
    void csvMatchesJson(String url) {
        JsonNode json = Api.json(admin().get(url).then().statusCode(200).contentType("application/json").extract().asString());
        String csvText = admin().header("Accept", "text/csv").get(url).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<List<String>> csv = Api.csv(csvText);
        assertThat(json.isArray()).isTrue();
        assertThat(csv).hasSize(json.size() + 1);
        if (json.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = json.get(0).fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        assertThat(csv.get(0)).containsExactlyElementsOf(keys);
        for (int r = 0; r < json.size(); r++) {
            List<String> cells = csv.get(r + 1);
            for (int c = 0; c < keys.size(); c++) {
                JsonNode v = json.get(r).get(keys.get(c));
                assertThat(cells.get(c)).as("%s row %d column %s", url, r, keys.get(c)).isEqualTo(csvText(v));
            }
        }
        String viaParam = admin().get(url + (url.contains("?") ? "&" : "?") + "format=csv").then().statusCode(200)
                .extract().asString();
        assertThat(viaParam).isEqualTo(csvText);
    }

    /** The CSV text of a JSON value: text a spreadsheet would run as a formula gets a leading apostrophe. */
    private static String csvText(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isNumber()) {
            return v.numberValue().toString();
        }
        String t = v.asText();
        return v.isTextual() && !t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0 ? "'" + t : t;
    }

    @Test
    void textThatASpreadsheetWouldRunIsPrefixedInCsvOnly() {
        admin().get("/api/v1/athletes/2/activities").then().statusCode(200)
                .body("[0].name", org.hamcrest.Matchers.equalTo("=HYPERLINK(\"http://evil.example\",\"Commute\")"));
        List<List<String>> csv = Api.csv(admin().get("/api/v1/athletes/2/activities?format=csv").then().statusCode(200)
                .extract().asString());
        assertThat(csv.get(1).get(csv.get(0).indexOf("name"))).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Commute\")");
        List<List<String>> athletes = Api.csv(admin().get("/api/v1/athletes?format=csv").then().statusCode(200)
                .extract().asString());
        assertThat(athletes.get(2).get(athletes.get(0).indexOf("city"))).isEqualTo("'@SUM(1+1)*cmd|' /C calc'!A0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/athletes/1", "/api/v1/athletes/1/activities/102", "/api/v1/builds/current"})
    void singleObjectsGiveOneCsvRowOfTheirScalarFields(String url) {
        JsonNode json = Api.json(admin().get(url).then().statusCode(200).extract().asString());
        List<List<String>> csv = Api.csv(admin().header("Accept", "text/csv").get(url).then().statusCode(200)
                .extract().asString());
        assertThat(csv).hasSize(2);
        for (int c = 0; c < csv.get(0).size(); c++) {
            JsonNode v = json.get(csv.get(0).get(c));
            assertThat(v).as(csv.get(0).get(c)).isNotNull();
            assertThat(csv.get(1).get(c)).isEqualTo(csvText(v));
        }
    }
}
