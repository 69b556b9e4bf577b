package dev.paceline.ingest.importer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The file import (PACELINE_MODE=import): what to read, for whom, and its limits. */
@ConfigMapping(prefix = "paceline.import")
public interface ImportConfig {

    /** What to import: an export .zip, its unpacked folder, a folder of FIT/TCX/GPX files or one file; a local path or gs://bucket/prefix (env PACELINE_IMPORT_URI). */
    Optional<String> uri();

    /** The athlete the files belong to (env PACELINE_IMPORT_ATHLETE); default: the lake's only athlete, or 1 in an empty lake. */
    Optional<Long> athleteId();

    /** Largest inflated size of one activity file in MiB (a 24-hour FIT is about 5): larger is refused as a bomb. */
    @WithDefault("256")
    long maxFileMib();

    /** Largest inflated size of one whole import in MiB. */
    @WithDefault("65536")
    long maxTotalMib();

    /** Time-to-live of the ingest lease the import holds; renewed while it runs. */
    @WithDefault("10m")
    Duration leaseTtl();
}
