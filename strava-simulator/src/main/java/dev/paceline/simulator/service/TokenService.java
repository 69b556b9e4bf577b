package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strava's OAuth behaviour: authorization codes, 6-hour access tokens, refresh that returns the same token while
 * more than an hour remains and a new one (with a rotated refresh token, the old one dying) within the last hour,
 * and deauthorization that revokes every token of the athlete.
 */
@ApplicationScoped
public class TokenService {

    /** Scopes Strava knows; anything else in an authorize request is refused. */
    static final Set<String> KNOWN_SCOPES = Set.of("read", "read_all", "profile:read_all", "profile:write",
            "activity:read", "activity:read_all", "activity:write");

    private record RefreshGrant(String refreshToken, long athleteId, Set<String> scopes, String accessToken) {
    }

    private record Code(long athleteId, Set<String> scopes, Instant expiresAt) {
    }

    private final SimulatorConfig config;
    private final SimClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessGrant> accessTokens = new HashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new HashMap<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final long athleteId;

    public TokenService(SimulatorConfig config, SimClock clock, ActivityCatalog catalog) {
        this.config = config;
        this.clock = clock;
        this.athleteId = catalog.athleteId();
        reset();
    }

    /** Forgets every code and token; only the configured refresh token is valid again. */
    public synchronized void reset() {
        accessTokens.clear();
        codes.clear();
        refreshTokens.clear();
        // the configured refresh token belongs to the served athlete from the start
        refreshTokens.put(config.refreshToken(), new RefreshGrant(config.refreshToken(), athleteId,
                parseScopes(config.refreshTokenScopes()), null));
    }

    public synchronized long athleteId() {
        return athleteId;
    }

    public static Set<String> parseScopes(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return Set.of("read");
        }
        return Arrays.stream(scopes.split("[, ]+")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Issues an authorization code for the requested scopes (the simulator approves every request). */
    public synchronized String authorize(Set<String> scopes) {
        for (String s : scopes) {
            if (!KNOWN_SCOPES.contains(s)) {
                throw StravaException.badRequest("Authorize", "scope", "invalid");
            }
        }
        String code = token();
        codes.put(code, new Code(athleteId, scopes, clock.now().plus(Duration.ofMinutes(10))));
        return code;
    }

    public synchronized ObjectNode exchangeCode(String code, ObjectNode athleteSummary) {
        Code c = code == null ? null : codes.remove(code);
        if (c == null || c.expiresAt().isBefore(clock.now())) {
            throw StravaException.badRequest("AuthorizationCode", "code", "invalid");
        }
        String refresh = token();
        RefreshGrant grant = new RefreshGrant(refresh, c.athleteId(), c.scopes(), null);
        AccessGrant access = issue(grant);
        ObjectNode answer = answer(access);
        answer.set("athlete", athleteSummary);
        return answer;
    }

    public synchronized ObjectNode refresh(String refreshToken) {
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.get(refreshToken);
        if (grant == null) {
            throw StravaException.badRequest("RefreshToken", "refresh_token", "invalid");
        }
        AccessGrant current = grant.accessToken() == null ? null : accessTokens.get(grant.accessToken());
        Instant now = clock.now();
        if (current != null && Duration.between(now, current.expiresAt()).compareTo(config.refreshWindow()) > 0) {
            return answer(current);
        }
        // within the last hour (or expired): a new access token and a rotated refresh token
        refreshTokens.remove(refreshToken);
        if (current != null) {
            accessTokens.remove(current.accessToken());
        }
        RefreshGrant rotated = new RefreshGrant(token(), grant.athleteId(), grant.scopes(), null);
        return answer(issue(rotated));
    }

    private AccessGrant issue(RefreshGrant grant) {
        AccessGrant access = new AccessGrant(token(), grant.athleteId(), grant.scopes(),
                clock.now().plus(config.accessTokenLifetime()), grant.refreshToken());
        accessTokens.put(access.accessToken(), access);
        refreshTokens.put(grant.refreshToken(), new RefreshGrant(grant.refreshToken(), grant.athleteId(),
                grant.scopes(), access.accessToken()));
        return access;
    }

    private ObjectNode answer(AccessGrant access) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("token_type", "Bearer");
        o.put("access_token", access.accessToken());
        o.put("expires_at", access.expiresAt().getEpochSecond());
        o.put("expires_in", Math.max(0, access.expiresAt().getEpochSecond() - clock.epochSecond()));
        o.put("refresh_token", access.refreshToken());
        return o;
    }

    /** The grant behind an {@code Authorization: Bearer} header, if valid now. */
    public synchronized Optional<AccessGrant> authenticate(String authorizationHeader) {
        if (authorizationHeader == null) {
            return Optional.empty();
        }
        String h = authorizationHeader.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return validAccessToken(h.substring(7).trim());
    }

    public synchronized Optional<AccessGrant> validAccessToken(String token) {
        AccessGrant g = accessTokens.get(token);
        if (g == null || !g.expiresAt().isAfter(clock.now())) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    /** Revokes every access and refresh token of the athlete behind {@code accessToken}; returns the athlete id. */
    public synchronized long deauthorize(String accessToken) {
        AccessGrant g = accessToken == null ? null : accessTokens.get(accessToken);
        if (g == null) {
            throw StravaException.unauthorized("Athlete", "access_token", "invalid");
        }
        accessTokens.values().removeIf(a -> a.athleteId() == g.athleteId());
        refreshTokens.values().removeIf(r -> r.athleteId() == g.athleteId());
        return g.athleteId();
    }

    /** Every live refresh token (for the admin API). */
    public synchronized Map<String, Set<String>> refreshTokens() {
        Map<String, Set<String>> out = new HashMap<>();
        refreshTokens.forEach((k, v) -> out.put(k, v.scopes()));
        return out;
    }

    private String token() {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
