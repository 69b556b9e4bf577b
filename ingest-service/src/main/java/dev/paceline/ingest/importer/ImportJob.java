package dev.paceline.ingest.importer;

import dev.paceline.platform.config.LakeUri;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.Lakes;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.files.ImportSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Import mode (PACELINE_MODE=import): imports PACELINE_IMPORT_URI once and exits with the report's code — 0 all
 * landed or skipped with a reason, 2 some failed and the rest landed, 1 nothing could be read or the import could
 * not start. A {@code gs://bucket/prefix} is staged to a temporary folder object by object first.
 */
@ApplicationScoped
public class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class);

    private final ImportConfig config;
    private final ImportService importer;

    public ImportJob(ImportConfig config, ImportService importer) {
        this.config = config;
        this.importer = importer;
    }

    public int run() {
        if (config.uri().isEmpty() || config.uri().get().isBlank()) {
            LOG.error("PACELINE_IMPORT_URI is not set: set it to an export .zip, its folder, a folder of FIT/TCX/GPX "
                    + "files or one file (a local path or gs://bucket/prefix); see docs/import.md.");
            return 1;
        }
        String uri = config.uri().get().strip();
        Path staged = null;
        try {
            Path path;
            if (uri.startsWith("gs://")) {
                staged = Files.createTempDirectory("paceline-import-");
                path = stage(uri, staged, config.maxTotalMib() * 1024 * 1024);
            } else {
                path = Path.of(uri.startsWith("file://") ? java.net.URI.create(uri).getPath() : uri);
            }
            ImportReport report = importer.importPath(path, config.athleteId(), ImportService.Limits.of(config));
            for (String line : report.text().split("\n")) {
                LOG.info(line);
            }
            return report.exitCode();
        } catch (ImportService.ImportRefusedException | IllegalArgumentException e) {
            LOG.errorf("import failed: %s", e.getMessage());
            return 1;
        } catch (IOException e) {
            LOG.errorf("import failed: %s", e.getMessage());
            return 1;
        } finally {
            if (staged != null) {
                deleteTree(staged);
            }
        }
    }

    /**
     * Copies the objects under a GCS prefix (or the one object it names) to {@code dir}; returns the path to import.
     * Object names are checked like zip entries (no {@code ..}, no absolute paths).
     */
    static Path stage(String uri, Path dir, long maxTotalBytes) throws IOException {
        String trimmed = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        boolean single = last.contains(".") && !trimmed.substring(5).equals(last);
        String prefixUri = single ? trimmed.substring(0, trimmed.lastIndexOf('/')) : trimmed;
        long total = 0;
        try (Lake source = Lakes.open(LakeUri.parse(prefixUri))) {
            for (ObjectInfo o : source.listAll(single ? last : "")) {
                String rel = o.path();
                if (single && !rel.equals(last)) {
                    continue;
                }
                if (ImportSource.unsafeName(rel) != null) {
                    throw new IllegalArgumentException(uri + " holds the object " + rel + ", " + ImportSource.unsafeName(rel));
                }
                byte[] bytes = source.get(rel).orElseThrow(() -> new IOException(rel + " vanished while staging " + uri));
                total += bytes.length;
                if (total > maxTotalBytes) {
                    throw new IllegalArgumentException(uri + " holds more than " + maxTotalBytes / (1024 * 1024)
                            + " MiB: import it in parts.");
                }
                Path target = dir.resolve(rel).normalize();
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        }
        return single ? dir.resolve(last) : dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("could not remove the staging folder %s: %s", dir, e.getMessage());
        }
    }
}
