package dev.paceline.platform.testing.simulator;

import dev.paceline.platform.testing.process.QuarkusAppProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the packaged strava-simulator as a child process on a free port, for tests and benchmarks in other modules
 * (plain JUnit or inside a {@code QuarkusTestResourceLifecycleManager}):
 * <pre>{@code
 * try (SimulatorProcess sim = SimulatorProcess.start(Map.of("simulator.generator.activities", "40"))) {
 *     String api = sim.apiUrl();     // http://127.0.0.1:P/api/v3
 *     String oauth = sim.oauthUrl(); // http://127.0.0.1:P/oauth
 * }
 * }</pre>
 * The admin API is always enabled. Overrides are passed as {@code -Dkey=value} system properties (any
 * {@code simulator.*} or {@code quarkus.*} key, e.g. {@code simulator.limits.read15min},
 * {@code simulator.recordings}). The process handling itself is {@link QuarkusAppProcess}'s.
 */
public final class SimulatorProcess implements AutoCloseable {

    /** The simulator's module, whose packaged fast-jar is started. */
    public static final String MODULE = "strava-simulator";
    /** Base path of the simulator's Strava API. */
    public static final String API_PATH = "/api/v3";
    /** Base path of the simulator's OAuth endpoints. */
    public static final String OAUTH_PATH = "/oauth";
    /** Base path of the control API. */
    public static final String ADMIN_PATH = "/admin";
    /** The simulator's default application credentials and athlete refresh token. */
    public static final String CLIENT_ID = "paceline-local";
    public static final String CLIENT_SECRET = "paceline-local-secret";
    public static final String REFRESH_TOKEN = "simulator-refresh-token";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final QuarkusAppProcess process;

    private SimulatorProcess(QuarkusAppProcess process) {
        this.process = process;
    }

    /** Starts the simulator with its defaults. */
    public static SimulatorProcess start() {
        return start(Map.of());
    }

    /**
     * Starts the simulator and waits until {@code /q/health/ready} answers 200.
     *
     * @param overrides system properties for the simulator, e.g. {@code simulator.generator.activities=20}
     * @throws IllegalStateException when the jar is missing (build it first) or the simulator does not get ready
     */
    public static SimulatorProcess start(Map<String, String> overrides) {
        QuarkusAppProcess process = QuarkusAppProcess.of(MODULE).maxHeap("384m")
                .property("quarkus.http.host", "127.0.0.1")
                .property("simulator.admin.enabled", "true")
                .properties(overrides)
                .start();
        try {
            process.awaitHttpOk("/q/health/ready", STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return new SimulatorProcess(process);
    }

    public int port() {
        return process.port();
    }

    /** {@code http://127.0.0.1:P}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + process.port();
    }

    /** {@code http://127.0.0.1:P/api/v3}: the Strava API base URL. */
    public String apiUrl() {
        return baseUrl() + API_PATH;
    }

    /** {@code http://127.0.0.1:P/oauth}: the Strava OAuth base URL. */
    public String oauthUrl() {
        return baseUrl() + OAUTH_PATH;
    }

    /** {@code http://127.0.0.1:P/admin}: the control API (clock, faults, counters...). */
    public String adminUrl() {
        return baseUrl() + ADMIN_PATH;
    }

    /** The file holding the simulator's output. */
    public Path logFile() {
        return process.logFile();
    }

    /** The simulator's output so far. */
    public String log() {
        return process.log();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the simulator (and waits up to 10 s for it). */
    @Override
    public void close() {
        process.close();
    }
}
