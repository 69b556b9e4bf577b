package dev.paceline.simulator.service;

import java.time.Instant;
import java.util.Set;

/**
 * An access token as the simulator knows it.
 *
 * @param accessToken  the bearer token
 * @param athleteId    whose data it opens
 * @param scopes       granted scopes
 * @param expiresAt    expiry (by the simulator clock)
 * @param refreshToken the refresh token it was issued with
 */
public record AccessGrant(String accessToken, long athleteId, Set<String> scopes, Instant expiresAt,
                          String refreshToken) {

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** {@code activity:read_all} implies {@code activity:read}. */
    public boolean canReadActivities() {
        return has("activity:read") || has("activity:read_all");
    }

    public boolean canReadPrivate() {
        return has("activity:read_all");
    }
}
