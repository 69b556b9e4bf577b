package dev.paceline.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.api.support.Fixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Before the transform's first build the dashboard says so and what to do, instead of an error. */
@QuarkusTest
@WithTestResource(EmptyLakeResource.class)
class DashboardWithoutBuildTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void beforeTheFirstBuildTheDashboardSaysThereIsNoBuildYet() {
        Browser browser = Browser.get();
        browser.open(base.toString().replaceAll("/$", "") + "/fitness#key=" + Fixture.ADMIN_KEY);
        assertThat(browser.text(".empty")).contains("No build yet.").contains("./paceline up");
        // the API's 503s are the expected answers here; nothing else may fail
        assertThat(browser.requests().failed()).isNotEmpty().allMatch(f -> f.startsWith("503 ") && f.contains("/api/v1/"));
        browser.consoleErrors();
        browser.screenshot("no-build", Browser.PHONE);
    }
}
