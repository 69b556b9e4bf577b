package dev.paceline.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian's packages, driven through Debian's chromedriver (never a downloaded browser): one per
 * test JVM, shared by the dashboard tests. Each test {@link #open opens} a page and reads what the browser logged
 * since: console errors and failed requests.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("paceline.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("paceline.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser shared;

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** The shared browser, started on first use; fails with how to install Chromium when it is missing. */
    static synchronized Browser get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.driver::quit));
        }
        return shared;
    }

    private static Browser start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the dashboard's browser tests need Debian's Chromium and its driver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + "): install them with 'apt-get update && apt-get install -y chromium "
                    + "chromium-driver' (.ci/run does this in CI), or point -Dpaceline.chromium and "
                    + "-Dpaceline.chromedriver at them");
        }
        // set the driver so Selenium Manager never looks for (or downloads) one
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + DESKTOP + ",900", "--hide-scrollbars", "--lang=en-GB", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--force-device-scale-factor=1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    /** Forgets this origin's storage and what was logged, then opens the URL and waits for the view to be drawn. */
    Browser open(String url) {
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        driver.get(url.replaceFirst("^(https?://[^/]+).*$", "$1") + "/app/favicon.svg");
        js("sessionStorage.clear(); localStorage.clear();");
        drain();
        driver.get(url);
        return awaitReady();
    }

    /** Waits until the page has drawn its view (and every chart in it). */
    Browser awaitReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Boolean.TRUE.equals(js("const v = document.getElementById('view');"
                + "return !!v && v.hasAttribute('data-ready')"
                + " && document.querySelectorAll('.chart').length === document.querySelectorAll('.chart .uplot').length;"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the dashboard did not finish drawing " + url() + " within 30 s; it shows: "
                        + driver.findElement(By.tagName("body")).getText() + "; console: " + consoleErrors());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return this;
    }

    /** Clicks the link or button with this text, then waits for the view. */
    Browser click(By by) {
        driver.findElement(by).click();
        return awaitReady();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String source() {
        return driver.getPageSource();
    }

    /** The text of a table's body cells (row header included), row by row. */
    @SuppressWarnings("unchecked")
    List<List<String>> table(String name) {
        Object rows = js("const t = document.querySelector(`table[data-name='${arguments[0]}']`);"
                + "return t ? Array.from(t.tBodies[0].rows).map(r => Array.from(r.cells).map(c => c.textContent)) : null;", name);
        if (rows == null) {
            throw new AssertionError("no table '" + name + "' on " + url() + ": " + text("#view"));
        }
        return (List<List<String>>) rows;
    }

    String text(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            throw new AssertionError("nothing matches '" + css + "' on " + url() + "; the page shows: "
                    + driver.findElement(By.tagName("body")).getText());
        }
        return found.get(0).getText();
    }

    /** Console messages at SEVERE since the last read (errors, CSP violations, failed loads). */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    /** Every request URL and, for those that failed (network error or status ≥ 400), why; since the last read. */
    Requests requests() {
        List<String> urls = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode m;
            try {
                m = JSON.readTree(e.getMessage()).path("message");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            JsonNode p = m.path("params");
            switch (m.path("method").asText()) {
                case "Network.requestWillBeSent" -> urls.add(p.path("request").path("url").asText());
                case "Network.responseReceived" -> {
                    int status = p.path("response").path("status").asInt();
                    if (status >= 400) {
                        failed.add(status + " " + p.path("response").path("url").asText());
                    }
                }
                case "Network.loadingFailed" -> {
                    if (!p.path("canceled").asBoolean()) {
                        failed.add(p.path("errorText").asText() + " " + p.path("requestId").asText());
                    }
                }
                default -> {
                }
            }
        }
        return new Requests(urls, failed);
    }

    record Requests(List<String> urls, List<String> failed) {
    }

    /** Drops what was logged so far. */
    void drain() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /** Saves the whole page at this width as target/screenshots/{name}.png; returns the file. */
    Path screenshot(String name, int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        awaitReady();
        js("window.dispatchEvent(new Event('resize'));");
        long height = ((Number) js("return Math.max(document.documentElement.scrollHeight, 600);")).longValue();
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
        sleepForLayout();
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(new Dimension(DESKTOP, 900));
        return file;
    }

    /** Charts redraw on a resize observer: give them two animation frames. */
    private void sleepForLayout() {
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
    }

    Map<String, Object> storage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js("return {session: JSON.stringify(sessionStorage),"
                + " local: JSON.stringify(localStorage)};");
        return m;
    }
}
