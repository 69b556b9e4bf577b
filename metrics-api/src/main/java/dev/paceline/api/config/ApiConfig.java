package dev.paceline.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the metrics-api (prefix {@code paceline.api}); the lake location is {@code paceline.lake.uri}. */
@ConfigMapping(prefix = "paceline.api")
public interface ApiConfig {

    Snapshot snapshot();

    Cache cache();

    Keys keys();

    interface Snapshot {
        /** How often serving/CURRENT is polled for a new build (the scheduler reads paceline.api.snapshot.poll-interval). */
        @WithDefault("30s")
        Duration pollInterval();

        /** Verify each partition's SHA-256 against the build manifest before serving it. */
        @WithDefault("true")
        boolean verifyChecksums();
    }

    interface Cache {
        /** Memory budget (estimated bytes) of the loaded athlete marts and cached responses; least recently used go first. */
        @WithDefault("268435456")
        long maxBytes();

        /** Most cached serialized responses kept per loaded mart (0 disables the response cache). */
        @WithDefault("256")
        int maxResponsesPerMart();
    }

    /** Declared here for metrics-api's config surface; read and enforced by the platform's {@code ApiKeys}, as in ingest and transform. */
    interface Keys {
        /**
         * API keys, hashed: entries {@code <sha256-hex>:admin} or {@code <sha256-hex>:athletes=1,2}, separated by ';'
         * or new lines (see docs/api.md).
         */
        Optional<String> hashed();

        /** A file (e.g. a mounted secret) with more hashed entries, one per line; '#' starts a comment. */
        Optional<String> file();

        /** A plain admin key for the local demo (PACELINE_LOCAL_API_KEY); hashed at start, never logged. */
        Optional<String> local();
    }
}
