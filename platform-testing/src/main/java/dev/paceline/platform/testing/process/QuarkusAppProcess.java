package dev.paceline.platform.testing.process;

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
import java.util.concurrent.TimeUnit;

/**
 * One of the repository's Quarkus apps run as a real child process from its packaged fast-jar
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}), for tests that need several services at once (the end-to-end
 * test) or a service next to the one under test. Output goes to a log file that {@link #log()} returns for failure
 * messages. The process is killed on {@link #close()} and on JVM exit. Each process gets a free application port and a
 * free management port ({@code quarkus.management.port}): the services serve {@code /q/health}, {@code /q/metrics} and
 * {@code /q/openapi} only there ({@link #awaitManagementOk}).
 */
public final class QuarkusAppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Thread shutdownHook;

    private QuarkusAppProcess(String module, Process process, int port, int managementPort, Path logFile) {
        this.module = module;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.shutdownHook = new Thread(process::destroyForcibly, "kill-" + module);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A launcher for {@code module} (e.g. {@code "ingest-service"}). */
    public static Builder of(String module) {
        return new Builder(module);
    }

    /** The repository root: the nearest folder, from the working directory up, that holds the parent pom and modules. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("platform"))
                    && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Paceline repository root above " + Path.of("").toAbsolutePath()
                + ": run the tests from inside the repository");
    }

    /** A free TCP port on localhost, for a service that must know its own port before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:<port>} */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The management interface: {@code http://localhost:<management port>} (health, metrics, OpenAPI). */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the process the way a crash does: {@link Process#destroyForcibly()}, which on Linux is {@code kill -9}
     * (SIGKILL: no shutdown hook, no flush, no lease release), and waits until it is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + module, e);
        }
    }

    /** The file the process writes its stdout and stderr to. */
    public Path logFile() {
        return logFile;
    }

    /** Everything the process wrote so far (stdout and stderr). */
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits for the process to exit (job mode) and returns its exit code; kills it after {@code timeout}. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(module + " did not finish within " + timeout + "; log:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + module, e);
        }
    }

    /** Waits until {@code path} on the application port answers 200, or fails with the process log. */
    public void awaitHttpOk(String path, Duration timeout) {
        awaitOk(baseUrl(), path, timeout);
    }

    /** Waits until {@code path} on the management port (e.g. {@code /q/health/ready}) answers 200. */
    public void awaitManagementOk(String path, Duration timeout) {
        awaitOk(managementUrl(), path, timeout);
    }

    private void awaitOk(String base, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + " before " + path
                        + " answered; log:\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            sleep(200);
        }
        throw new IllegalStateException(module + ": " + path + " not 200 within " + timeout + " (last: " + last + "); log:\n" + tail());
    }

    /** The last 60 lines of the log, for failure messages. */
    public String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Settings of a process to start. */
    public static final class Builder {
        private final String module;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private int port;
        private Path logDir;
        private String maxHeap = "512m";

        private Builder(String module) {
            this.module = module;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder env(Map<String, String> values) {
            env.putAll(values);
            return this;
        }

        /** A {@code -Dkey=value} system property (how Quarkus config is best overridden per process). */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        /** The HTTP port; default: a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where the log file goes; default: {@code <module>/target/process-logs}. */
        public Builder logDir(Path logDir) {
            this.logDir = logDir;
            return this;
        }

        public Builder maxHeap(String maxHeap) {
            this.maxHeap = maxHeap;
            return this;
        }

        /** Starts the process; it is up when {@link #start()} returns only after {@link QuarkusAppProcess#awaitHttpOk}. */
        public QuarkusAppProcess start() {
            Path root = repositoryRoot();
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " does not exist: build it first with ./mvnw -B package -DskipTests -pl "
                        + module + " (a full ./mvnw verify builds every module before the tests that start it)");
            }
            int chosenPort = port > 0 ? port : freePort();
            int chosenManagementPort = freePort();
            Path dir = logDir != null ? logDir : root.resolve(module).resolve("target/process-logs");
            try {
                Files.createDirectories(dir);
                Path log = Files.createTempFile(dir, module + "-", ".log");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.add("-Xmx" + maxHeap);
                command.add("-Dquarkus.http.port=" + chosenPort);
                command.add("-Dquarkus.management.port=" + chosenManagementPort);
                properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
                command.add("-jar");
                command.add(jar.toString());
                ProcessBuilder builder = new ProcessBuilder(command).directory(root.resolve(module).toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                builder.environment().putAll(env);
                return new QuarkusAppProcess(module, builder.start(), chosenPort, chosenManagementPort, log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + module + " from " + jar, e);
            }
        }
    }
}
