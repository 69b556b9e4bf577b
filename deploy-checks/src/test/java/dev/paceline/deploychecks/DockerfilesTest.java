package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's Dockerfile.jvm and Dockerfile.native: pinned bases, non-root, the service's own port and module. */
class DockerfilesTest {

    private static List<String> instructions(Path file) throws IOException {
        // join continuation lines, drop comments and blanks
        String joined = Files.readString(file).replaceAll("\\\\\\n", " ");
        return joined.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String httpPort(String module) throws IOException {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(
                RepoLayout.ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            props.load(reader);
        }
        return props.getProperty("quarkus.http.port");
    }

    private static void assertPinnedBases(List<String> lines) {
        lines.stream().filter(l -> l.startsWith("FROM ")).forEach(from -> {
            String image = from.split("\\s+")[1];
            assertThat(image).as(from).contains(":").doesNotEndWith(":latest");
        });
    }

    private static String last(List<String> lines, String instruction) {
        return lines.stream().filter(l -> l.startsWith(instruction + " ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + instruction)).substring(instruction.length() + 1).strip();
    }

    /** Quarkus 3.33's default builder image; native/check.sh runs the same GraalVM release (native/pom.xml). */
    private static final String MANDREL_BUILDER = "quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25";

    @Test
    void theNativeCheckRunsTheBuilderReleaseOfTheDockerfiles() throws IOException {
        String pom = Files.readString(RepoLayout.ROOT.resolve("native/pom.xml"));
        Matcher version = Pattern.compile("<svm.version>(\\d+)\\.(\\d+)\\.\\d+</svm.version>").matcher(pom);
        assertThat(version.find()).as("native/pom.xml names svm.version").isTrue();
        assertThat(MANDREL_BUILDER).endsWith(":jdk-" + version.group(1));
        assertThat(version.group(1) + "." + version.group(2)).isEqualTo("25.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"strava-simulator", "ingest-service", "transform-service", "metrics-api"})
    void nativeImageIsAMultiStageMandrelBuildRunningAsNonRoot(String module) throws IOException {
        List<String> lines = instructions(RepoLayout.ROOT.resolve(module).resolve("src/main/docker/Dockerfile.native"));
        assertPinnedBases(lines);
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).startsWith("FROM " + MANDREL_BUILDER + " AS build");
        assertThat(froms.get(1)).isEqualTo("FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0");
        // upstream modules on the JVM, then only this module native
        assertThat(lines).anyMatch(l -> l.startsWith("RUN ") && l.contains("./mvnw -B -ntp install -pl " + module + " -am")
                && l.contains("./mvnw -B -ntp package -pl " + module + " -DskipTests -Dquarkus.native.enabled=true"));
        assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build") && l.contains("/code/" + module + "/target/*-runner"));
        assertThat(last(lines, "USER")).isEqualTo("1001");
        assertThat(last(lines, "EXPOSE")).isEqualTo(httpPort(module));
    }

    @ParameterizedTest
    @ValueSource(strings = {"strava-simulator", "ingest-service", "transform-service", "metrics-api"})
    void jvmImageCopiesTheFastJarLayersAndRunsAsNonRoot(String module) throws IOException {
        List<String> lines = instructions(RepoLayout.ROOT.resolve(module).resolve("src/main/docker/Dockerfile.jvm"));
        assertPinnedBases(lines);
        assertThat(last(lines, "FROM")).startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertThat(lines).anyMatch(l -> l.startsWith("COPY ") && l.contains("target/quarkus-app/" + layer));
        }
        assertThat(last(lines, "USER")).isNotIn("0", "root");
        assertThat(last(lines, "EXPOSE")).isEqualTo(httpPort(module));
    }
}
