package dev.paceline.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Helm cannot read outside the chart, so helm/paceline/dashboards/ is a copy of the top-level dashboards/ folder.
 * This keeps the copy honest: same files, same bytes, each a Grafana dashboard.
 */
class DashboardsSyncTest {

    private static final Path SOURCE = RepoLayout.ROOT.resolve("dashboards");
    private static final Path CHART_COPY = RepoLayout.CHART.resolve("dashboards");

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void chartCopyMatchesTheDashboardsFolder() throws IOException {
        if (!Files.isDirectory(SOURCE)) {
            // nothing to compare with yet: the chart's own dashboards still have to be real ones (next test)
            assertThat(jsonFiles(CHART_COPY)).isNotEmpty();
            return;
        }
        List<String> source = jsonFiles(SOURCE).stream().map(p -> p.getFileName().toString()).toList();
        List<String> copy = jsonFiles(CHART_COPY).stream().map(p -> p.getFileName().toString()).toList();
        assertThat(copy).as("helm/paceline/dashboards is out of sync: cp dashboards/*.json helm/paceline/dashboards/"
                + " (and delete the files that no longer exist in dashboards/)").isEqualTo(source);
        for (String name : source) {
            assertThat(Files.readAllBytes(CHART_COPY.resolve(name)))
                    .as(name + " differs: cp dashboards/" + name + " helm/paceline/dashboards/")
                    .isEqualTo(Files.readAllBytes(SOURCE.resolve(name)));
        }
    }

    @Test
    void everyChartDashboardIsAGrafanaDashboard() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path file : jsonFiles(CHART_COPY)) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertThat(dashboard.path("title").asText()).as(file + " title").isNotBlank();
            assertThat(dashboard.path("panels").isArray() && !dashboard.path("panels").isEmpty())
                    .as(file + " has panels").isTrue();
            assertThat(file.getFileName().toString()).matches("[a-z0-9][a-z0-9_-]*\\.json");
        }
    }
}
