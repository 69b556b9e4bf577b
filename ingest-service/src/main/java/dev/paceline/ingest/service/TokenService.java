package dev.paceline.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.client.StravaClient;
import dev.paceline.ingest.client.StravaException;
import dev.paceline.ingest.client.StravaResponse;
import dev.paceline.ingest.client.TokenResponse;
import dev.paceline.ingest.config.StravaConfig;
import dev.paceline.ingest.token.StoredToken;
import dev.paceline.ingest.token.TokenStore;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Access tokens for API calls: refreshed when less than an hour remains, the newest refresh token persisted before
 * use; a 401 triggers one refresh, then a clear error for that athlete.
 */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    static final Duration REFRESH_MARGIN = Duration.ofHours(1);
    static final String ENV_BINDING = LakeLayout.state("ingest", "env-athlete.json");

    private final TokenStore store;
    private final StravaClient strava;
    private final StravaConfig config;
    private final Clock clock;
    private final Lake lake;
    private final ObjectMapper json;

    public TokenService(TokenStore store, StravaClient strava, StravaConfig config, Clock clock, Lake lake, ObjectMapper json) {
        this.store = store;
        this.strava = strava;
        this.config = config;
        this.clock = clock;
        this.lake = lake;
        this.json = json;
    }

    /** The athlete configured by STRAVA_REFRESH_TOKEN, bootstrapped on first use. */
    public record EnvAthlete(long athleteId, Optional<StravaResponse> athletePayload) {
    }

    /**
     * Resolves the athlete of STRAVA_REFRESH_TOKEN. The binding remembers which athlete an env token belongs to, so a
     * rotated (newer) stored refresh token wins over the stale one in the environment.
     */
    public synchronized Optional<EnvAthlete> envAthlete() {
        Optional<String> envToken = config.refreshToken().filter(t -> !t.isBlank());
        if (envToken.isEmpty()) {
            return Optional.empty();
        }
        String sha = RawWriter.sha256(envToken.get().getBytes(StandardCharsets.UTF_8));
        Optional<JsonNode> binding = lake.get(ENV_BINDING).flatMap(b -> {
            try {
                return Optional.ofNullable(json.readTree(b));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        if (binding.isPresent() && sha.equals(binding.get().path("refresh_token_sha256").asText())) {
            // Bound already: the stored (newest) token wins; a deauthorized athlete stays stopped.
            return Optional.of(new EnvAthlete(binding.get().path("athlete_id").asLong(), Optional.empty()));
        }
        TokenResponse token = strava.refresh(envToken.get());
        StravaResponse athlete = strava.athlete(token.accessToken());
        if (athlete.notFound()) {
            throw new StravaException.Refused(404, "GET /athlete answered 404 for STRAVA_REFRESH_TOKEN's athlete");
        }
        long id;
        try {
            id = json.readTree(athlete.body()).path("id").asLong(0);
        } catch (IOException e) {
            throw new MalformedPayloadException(athlete.source(), e.getMessage());
        }
        if (id <= 0) {
            throw new MalformedPayloadException(athlete.source(), "no athlete id in the answer");
        }
        store.save(new StoredToken(id, token.accessToken(), token.expiresAt(), token.refreshToken(), null, clock.instant().toString()));
        try {
            lake.put(ENV_BINDING, json.writeValueAsBytes(json.createObjectNode()
                    .put("athlete_id", id).put("refresh_token_sha256", sha).put("bound_at", clock.instant().toString())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LOG.infof("STRAVA_REFRESH_TOKEN belongs to athlete %d: its tokens are stored encrypted in the lake", id);
        return Optional.of(new EnvAthlete(id, Optional.of(athlete)));
    }

    /** Stores the tokens of a newly connected athlete (OAuth code flow). */
    public StoredToken connect(long athleteId, TokenResponse token, String scopes) {
        StoredToken stored = new StoredToken(athleteId, token.accessToken(), token.expiresAt(), token.refreshToken(),
                scopes, clock.instant().toString());
        store.save(stored);
        return stored;
    }

    /** A usable access token, refreshed (and the newest refresh token persisted) when less than an hour remains. */
    public synchronized String accessToken(long athleteId) {
        StoredToken token = stored(athleteId);
        if (token.expiresAt() - clock.instant().getEpochSecond() < REFRESH_MARGIN.toSeconds()) {
            token = refresh(token);
        }
        return token.accessToken();
    }

    /** Calls Strava with the athlete's token; on 401 refreshes once and retries, then reports the athlete. */
    public <T> T withToken(long athleteId, Function<String, T> call) {
        strava.awaitBudget();
        try {
            return call.apply(accessToken(athleteId));
        } catch (StravaException.Unauthorized first) {
            LOG.warnf("Strava refused athlete %d's access token (%s): refreshing once", athleteId, first.getMessage());
            String fresh;
            synchronized (this) {
                fresh = refresh(stored(athleteId)).accessToken();
            }
            try {
                return call.apply(fresh);
            } catch (StravaException.Unauthorized second) {
                throw new AthleteAuthorizationException(athleteId, "Strava refused athlete " + athleteId
                        + "'s token even after a refresh (" + second.getMessage() + "): the athlete revoked access or"
                        + " lacks a scope; reconnect the athlete at GET /oauth/connect", second);
            }
        }
    }

    public Optional<StoredToken> find(long athleteId) {
        return store.load(athleteId);
    }

    private StoredToken stored(long athleteId) {
        return store.load(athleteId).orElseThrow(() -> new AthleteAuthorizationException(athleteId, "athlete "
                + athleteId + " has no stored Strava token: connect the athlete at GET /oauth/connect (or set"
                + " STRAVA_REFRESH_TOKEN for the single-athlete setup)", null));
    }

    private StoredToken refresh(StoredToken token) {
        TokenResponse answer;
        try {
            answer = strava.refresh(token.refreshToken());
        } catch (StravaException.Refused e) {
            throw new AthleteAuthorizationException(token.athleteId(), "refreshing athlete " + token.athleteId()
                    + "'s token failed: " + e.getMessage(), e);
        }
        StoredToken next = new StoredToken(token.athleteId(), answer.accessToken(), answer.expiresAt(),
                answer.refreshToken(), token.scopes(), clock.instant().toString());
        store.save(next);
        if (!answer.refreshToken().equals(token.refreshToken())) {
            LOG.infof("Strava rotated athlete %d's refresh token: the new one is stored", token.athleteId());
        }
        return next;
    }
}
