package dev.paceline.api.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's page and assets are public and served from the jar; the API behind them still needs a key. */
@QuarkusTest
@WithTestResource(DashboardLakeResource.class)
class DashboardPagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/fitness", "/power", "/zones", "/90-day", "/weekly", "/activities", "/activities/101",
        "/activities/", "/weekly/"})
    void everyViewPathAnswersTheDashboardPageWithoutAKey(String path) {
        given().get(path).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<script type=\"module\" src=\"/app/main.js\"></script>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/main.js", "/app/views/overview.js", "/app/app.css", "/app/favicon.svg",
        "/webjars/uplot/1.6.30/dist/uPlot.esm.js", "/webjars/uplot/1.6.30/dist/uPlot.min.css"})
    void theAssetsAndTheChartLibraryComeFromTheJar(String path) {
        given().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/activities/abc", "/activities/101/extra", "/fitnesss", "/index"})
    void otherPathsAreNotFound(String path) {
        given().get(path).then().statusCode(404);
    }

    @Test
    void theApiStillAsksForAKey() {
        given().get("/api/v1/athletes").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void thePageHoldsNoDataAndNoKey() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("Ada").doesNotContain("key=")
                .doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void headAnswersWithoutABody() {
        given().head("/power").then().statusCode(200).body(equalTo(""));
    }
}
