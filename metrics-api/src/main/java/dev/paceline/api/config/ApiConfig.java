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
        /** Memory budget (estimated bytes) of the loaded athlete marts; least recently used go first. */
        @WithDefault("268435456")
        long maxBytes();

        /** Memory budget (estimated bytes) of the rendered answers (JSON/CSV bytes); 0 disables the answer cache. */
        @WithDefault("67108864")
        long maxAnswerBytes();
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
