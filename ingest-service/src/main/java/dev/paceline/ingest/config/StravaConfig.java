package dev.paceline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How to reach Strava and which app credentials to use. */
@ConfigMapping(prefix = "paceline.strava")
public interface StravaConfig {

    /** Base URL of the Strava API v3 (moving to https://api-v3.strava.com in 2027). */
    @WithDefault("https://www.strava.com/api/v3")
    String apiUrl();

    /** Base URL of Strava's OAuth endpoints (authorize, token, deauthorize). */
    @WithDefault("https://www.strava.com/oauth")
    String oauthUrl();

    /** The Strava app's client id (env STRAVA_CLIENT_ID). */
    Optional<String> clientId();

    /** The Strava app's client secret (env STRAVA_CLIENT_SECRET); never logged. */
    Optional<String> clientSecret();

    /** Refresh token of the single athlete configured from the environment (env STRAVA_REFRESH_TOKEN). */
    Optional<String> refreshToken();

    /** Public URL of GET /oauth/callback that Strava redirects to after the athlete approves access. */
    @WithDefault("http://localhost:8081/oauth/callback")
    String redirectUri();

    /** Connect timeout for Strava calls. */
    @WithDefault("5s")
    java.time.Duration connectTimeout();

    /** Read timeout for Strava calls. */
    @WithDefault("30s")
    java.time.Duration readTimeout();
}
