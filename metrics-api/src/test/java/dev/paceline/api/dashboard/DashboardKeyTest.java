package dev.paceline.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paceline.api.support.Fixture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The API key in the browser: taken from "#key=", kept in sessionStorage only, typed in a sign-in form, scoped. */
@QuarkusTest
@WithTestResource(DashboardLakeResource.class)
class DashboardKeyTest {

    @TestHTTPResource("/")
    URL base;

    private final Browser browser = Browser.get();

    private String at(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void aKeyFragmentIsStoredForTheTabAndRemovedFromTheAddressBar() {
        browser.open(at("/fitness?athlete=1#key=" + Fixture.ADMIN_KEY));
        assertThat(browser.url()).isEqualTo(at("/fitness?athlete=1"));
        assertThat(browser.js("return sessionStorage.getItem('paceline.key');")).isEqualTo(Fixture.ADMIN_KEY);
        assertThat(browser.js("return localStorage.length;")).isEqualTo(0L);
        assertThat(browser.js("return history.length > 0 && !location.href.includes('key');")).isEqualTo(true);
        assertThat(browser.source()).doesNotContain(Fixture.ADMIN_KEY);
        Browser.Requests requests = browser.requests();
        assertThat(requests.failed()).isEmpty();
        assertThat(requests.urls()).filteredOn(u -> u.contains("/api/v1/")).isNotEmpty()
                .noneMatch(u -> u.contains(Fixture.ADMIN_KEY));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void withoutAKeyTheSignInFormAsksForOneAndAWrongKeyIsRefused() {
        browser.open(at("/weekly"));
        assertThat(browser.findAll(By.cssSelector("form#signin input[type=password]"))).hasSize(1);
        assertThat(browser.requests().urls()).noneMatch(u -> u.contains("/api/v1/"));
        browser.screenshot("sign-in", Browser.PHONE);

        signIn("not-a-key");
        assertThat(browser.text("form#signin .notice")).contains("That API key was not accepted");
        assertThat(browser.js("return sessionStorage.getItem('paceline.key');")).isNull();
        assertThat(browser.requests().failed()).allMatch(f -> f.startsWith("401 "));
        browser.consoleErrors(); // the 401 is logged by the browser: expected here

        signIn(Fixture.ADMIN_KEY);
        assertThat(browser.text("h1")).isEqualTo("Weekly report");
        assertThat(browser.source()).doesNotContain(Fixture.ADMIN_KEY);
        assertThat(browser.js("return localStorage.length;")).isEqualTo(0L);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void anAdminKeyChoosesAmongTheAthletes() {
        browser.open(at("/activities#key=" + Fixture.ADMIN_KEY));
        List<String> options = browser.findAll(By.cssSelector("select#athlete option")).stream()
                .map(o -> o.getAttribute("textContent")).toList();
        assertThat(options).containsExactly("Ada Lovelace", "Bob Builder", "Cy Clist");
        browser.js("const s = document.getElementById('athlete'); s.value = '2'; s.dispatchEvent(new Event('change'));");
        browser.awaitReady();
        assertThat(browser.url()).endsWith("/activities?athlete=2");
        // athlete 2's activity is named like a spreadsheet formula: the page shows it as plain text, never as markup
        assertThat(browser.table("activities")).extracting(r -> r.get(1))
                .containsExactly("=HYPERLINK(\"http://evil.example\",\"Commute\")");
        assertThat(browser.findAll(By.cssSelector("a[href*='evil.example']"))).isEmpty();
        assertThat(browser.requests().failed()).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aScopedKeySeesOnlyItsAthleteAndCannotOpenAnother() {
        browser.open(at("/activities#key=" + Fixture.ATHLETE_1_KEY));
        assertThat(browser.findAll(By.cssSelector("select#athlete"))).isEmpty();
        assertThat(browser.text(".athlete-name")).isEqualTo("Ada Lovelace");
        assertThat(browser.table("activities")).hasSize(4);
        // asking for athlete 2 in the URL falls back to the key's own athlete: no request for athlete 2 is made
        browser.open(at("/activities?athlete=2#key=" + Fixture.ATHLETE_1_KEY));
        assertThat(browser.table("activities")).hasSize(4);
        assertThat(browser.requests().urls()).noneMatch(u -> u.contains("/athletes/2"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void signingOutForgetsTheKey() {
        browser.open(at("/#key=" + Fixture.ADMIN_KEY));
        browser.click(By.xpath("//button[text()='Sign out']"));
        assertThat(browser.js("return sessionStorage.length;")).isEqualTo(0L);
        assertThat(browser.findAll(By.cssSelector("form#signin"))).hasSize(1);
    }

    private void signIn(String key) {
        browser.find(By.id("key")).sendKeys(key);
        browser.find(By.cssSelector("form#signin button[type=submit]")).click();
        browser.awaitReady();
    }
}
