package dev.paceline.platform.testing.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the packaged strava-simulator as a child process on a free port, for tests and benchmarks in other modules
 * (plain JUnit or inside a {@code QuarkusTestResourceLifecycleManager}):
 * <pre>{@code
 * try (SimulatorProcess sim = SimulatorProcess.start(Map.of("simulator.generator.activities", "40"))) {
 *     String api = sim.apiUrl();     // http://localhost:P/api/v3
 *     String oauth = sim.oauthUrl(); // http://localhost:P/oauth
 * }
 * }</pre>
 * The admin API is always enabled. Overrides are passed as {@code -Dkey=value} system properties (any
 * {@code simulator.*} or {@code quarkus.*} key, e.g. {@code simulator.limits.read15min},
 * {@code simulator.recordings}). Plain JDK only.
 */
public final class SimulatorProcess implements AutoCloseable {

    /** Where the runnable jar is, relative to the repository root. */
    public static final String JAR = "strava-simulator/target/quarkus-app/quarkus-run.jar";
    /** Base URL of the simulator's Strava API. */
    public static final String API_PATH = "/api/v3";
    /** Base URL of the simulator's OAuth endpoints. */
    public static final String OAUTH_PATH = "/oauth";
    /** Base URL of the control API. */
    public static final String ADMIN_PATH = "/admin";
    /** The simulator's default application credentials and athlete refresh token. */
    public static final String CLIENT_ID = "paceline-local";
    public static final String CLIENT_SECRET = "paceline-local-secret";
    public static final String REFRESH_TOKEN = "simulator-refresh-token";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread shutdownHook;

    private SimulatorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.shutdownHook = new Thread(process::destroyForcibly, "strava-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
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
        Path jar = findJar();
        int port = freePort();
        Path log;
        try {
            log = Files.createTempFile("strava-simulator-" + port + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator log file", e);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", Integer.toString(port));
        props.put("quarkus.http.host", "127.0.0.1");
        props.put("simulator.admin.enabled", "true");
        props.putAll(overrides);
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", cmd), e);
        }
        SimulatorProcess sim = new SimulatorProcess(p, port, log);
        try {
            sim.awaitReady();
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    /** Walks up from {@code user.dir} to the directory that holds the packaged simulator. */
    static Path findJar() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(JAR);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (Files.isDirectory(d.resolve("strava-simulator"))) {
                throw new IllegalStateException("strava-simulator is not built: " + candidate
                        + " is missing; build strava-simulator first: ./mvnw -pl strava-simulator package");
            }
        }
        throw new IllegalStateException("no " + JAR + " above " + dir
                + "; build strava-simulator first: ./mvnw -pl strava-simulator package");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the simulator", e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulator exited with code " + process.exitValue()
                        + " before getting ready; its output: " + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the simulator", e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the simulator", e);
            }
        }
        throw new IllegalStateException("the simulator did not get ready within " + STARTUP_TIMEOUT.toSeconds()
                + " s on port " + port + "; its output: " + tail());
    }

    private String tail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:P}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
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
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the simulator (and waits up to 10 s for it). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }
}
