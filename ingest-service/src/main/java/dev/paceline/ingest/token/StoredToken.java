package dev.paceline.ingest.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An athlete's Strava tokens as stored (encrypted) in the lake. {@link #toString()} never shows the secrets.
 *
 * @param athleteId Strava athlete id
 * @param accessToken current access token
 * @param expiresAt access token expiry, epoch seconds
 * @param refreshToken newest refresh token (Strava may rotate it: always the last one received)
 * @param scopes granted scopes, comma-separated, or null when unknown (athlete configured from the environment)
 * @param updatedAt ISO-8601 instant of the last change
 */
@RegisterForReflection
public record StoredToken(
        @JsonProperty("athlete_id") long athleteId,
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("expires_at") long expiresAt,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("scopes") String scopes,
        @JsonProperty("updated_at") String updatedAt) {

    /** True when the scopes are known and do not include {@code scope}. */
    public boolean lacksScope(String scope) {
        if (scopes == null || scopes.isBlank()) {
            return false;
        }
        for (String s : scopes.split(",")) {
            if (s.trim().equals(scope)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "StoredToken[athleteId=" + athleteId + ", expiresAt=" + expiresAt + ", scopes=" + scopes
                + ", accessToken=***, refreshToken=***]";
    }
}
