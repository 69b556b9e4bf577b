package dev.paceline.simulator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/** Configuration of the Strava simulator ({@code simulator.*}). */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** The one registered application's {@code client_id}. */
    @WithDefault("paceline-local")
    String clientId();

    /** The application's {@code client_secret}. */
    @WithDefault("paceline-local-secret")
    String clientSecret();

    /** A refresh token issued to the simulated athlete at start-up (what {@code STRAVA_REFRESH_TOKEN} holds). */
    @WithDefault("simulator-refresh-token")
    String refreshToken();

    /** Scopes granted to {@link #refreshToken()}, comma-separated as Strava writes them. */
    @WithDefault("read,activity:read_all,profile:read_all")
    String refreshTokenScopes();

    /** Lifetime of an access token. */
    @WithDefault("6h")
    Duration accessTokenLifetime();

    /** Refreshing within this time before expiry issues a new access token and rotates the refresh token. */
    @WithDefault("1h")
    Duration refreshWindow();

    /** Folder of recorded payloads to serve instead of the generated athlete (env {@code SIMULATOR_RECORDINGS}). */
    Optional<String> recordings();

    /** The generated athlete. */
    Generator generator();

    /** Rate limits. */
    Limits limits();

    /** Webhook delivery. */
    Webhook webhook();

    /** The control API under {@code /admin}. */
    Admin admin();

    /** Generated athlete settings. */
    interface Generator {
        /** Random seed: the same seed gives the same athlete, activities and samples. */
        @WithDefault("42")
        long seed();

        /** Number of generated activities. */
        @WithDefault("300")
        int activities();

        /** Years of history the activities are spread over. */
        @WithDefault("3")
        int years();

        /** Last day of the generated history (fixed so that runs are reproducible). */
        @WithDefault("2026-11-01")
        LocalDate endDate();
    }

    /** Strava's application rate limits: a 15-minute window and a daily window, overall and for reads. */
    interface Limits {
        /** Read requests per 15-minute window. */
        @WithDefault("100")
        int read15min();

        /** Read requests per day (UTC). */
        @WithDefault("1000")
        int readDaily();

        /** All requests per 15-minute window. */
        @WithDefault("200")
        int overall15min();

        /** All requests per day (UTC). */
        @WithDefault("2000")
        int overallDaily();
    }

    /** Push-subscription callbacks. */
    interface Webhook {
        /** Time the callback has to answer (handshake and events) before the attempt counts as failed. */
        @WithDefault("2s")
        Duration timeout();

        /** Delivery attempts per event in total (Strava: 3). */
        @WithDefault("3")
        int maxAttempts();

        /** Pause between two attempts of the same event. */
        @WithDefault("1s")
        Duration retryDelay();
    }

    /** The control API. */
    interface Admin {
        /** Whether {@code /admin/*} is served (off by default; on in the dev and test profiles). */
        @WithDefault("false")
        boolean enabled();

        /** How long a {@code hang} fault keeps the request open before closing the connection. */
        @WithDefault("30s")
        Duration hangDuration();
    }
}
