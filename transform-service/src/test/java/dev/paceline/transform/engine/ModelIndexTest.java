package dev.paceline.transform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** models/index.txt must list every model and seed file (resources cannot be listed in a native image). */
class ModelIndexTest {

    @Test
    void everyModelFileIsInTheIndexAndEveryIndexEntryExists() throws IOException {
        Path root = Path.of("src/main/resources/models");
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".sql") || p.endsWith(".csv"))
                    .sorted().toList();
        }
        List<String> index = ModelCatalog.index("models", getClass().getClassLoader());
        assertThat(index).as("models/index.txt must list every .sql and .csv under models/")
                .containsExactlyInAnyOrderElementsOf(files);
    }
}
