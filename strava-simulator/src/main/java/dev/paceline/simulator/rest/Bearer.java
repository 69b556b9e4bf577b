package dev.paceline.simulator.rest;

import dev.paceline.simulator.service.AccessGrant;
import dev.paceline.simulator.service.StravaException;
import dev.paceline.simulator.service.TokenService;

/** Resolves the caller's grant in resources (the gateway filter already refused invalid tokens). */
final class Bearer {

    private Bearer() {
    }

    static AccessGrant require(TokenService tokens, String authorization) {
        return tokens.authenticate(authorization).orElseThrow(
                () -> new StravaException(401, StravaException.invalidToken()));
    }

    static void requireActivityRead(AccessGrant grant) {
        if (!grant.canReadActivities()) {
            throw StravaException.unauthorized("AccessToken", "activity:read_permission", "missing");
        }
    }
}
