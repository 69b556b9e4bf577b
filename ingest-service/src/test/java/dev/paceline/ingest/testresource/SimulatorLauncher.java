package dev.paceline.ingest.testresource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the strava-simulator's packaged fast-jar as a child process on a free port (the reactor packages the
 * simulator before ingest-service; {@code -Dpaceline.simulator.jar=...} points elsewhere).
 */
final class SimulatorLauncher implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private SimulatorLauncher(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static SimulatorLauncher start(Map<String, String> properties) {
        Path jar = jar();
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dsimulator.admin.enabled=true");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Path log = Files.createTempFile("strava-simulator-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            SimulatorLauncher launcher = new SimulatorLauncher(process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            launcher.awaitReady(Duration.ofSeconds(60));
            return launcher;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulator " + jar + ": " + e.getMessage(), e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulator exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/clock"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                if (r.statusCode() == 404) {
                    throw new IllegalStateException("the simulator at " + jar() + " serves no /admin/clock: it is an old"
                            + " build; rebuild it with ./mvnw -pl strava-simulator package -DskipTests");
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the simulator did not answer within " + timeout + ":\n" + log());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path jar() {
        String configured = System.getProperty("paceline.simulator.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("strava-simulator/target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("strava-simulator/target/quarkus-app/quarkus-run.jar not found: build it first"
                + " (./mvnw -pl strava-simulator package -DskipTests) or pass -Dpaceline.simulator.jar=<path>");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
