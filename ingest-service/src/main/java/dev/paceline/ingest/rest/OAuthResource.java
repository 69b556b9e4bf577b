package dev.paceline.ingest.rest;

import dev.paceline.ingest.client.StravaClient;
import dev.paceline.ingest.client.TokenResponse;
import dev.paceline.ingest.config.StravaConfig;
import dev.paceline.ingest.service.TokenService;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.security.AdminOnly;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Connects more athletes: GET /oauth/connect sends the athlete to Strava, GET /oauth/callback stores the tokens. */
@Path("/oauth")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OAuthResource {

    static final String SCOPES = "read,activity:read_all,profile:read_all";
    static final Set<String> REQUIRED = Set.of("read", "activity:read_all");
    private static final Duration STATE_TTL = Duration.ofMinutes(15);

    private final StravaConfig config;
    private final StravaClient strava;
    private final TokenService tokens;
    private final Lake lake;
    private final Clock clock;

    public OAuthResource(StravaConfig config, StravaClient strava, TokenService tokens, Lake lake, Clock clock) {
        this.config = config;
        this.strava = strava;
        this.tokens = tokens;
        this.lake = lake;
        this.clock = clock;
    }

    /** Redirects to Strava's authorize page with the scopes ingest needs and a one-time state. */
    @GET
    @Path("/connect")
    @AdminOnly
    public Response connect() {
        String clientId = strava.clientId();
        String state = UUID.randomUUID().toString();
        lake.put(statePath(state), clock.instant().toString().getBytes(StandardCharsets.UTF_8));
        return Response.seeOther(UriBuilder.fromUri(config.oauthUrl()).path("authorize")
                .queryParam("client_id", clientId)
                .queryParam("redirect_uri", config.redirectUri())
                .queryParam("response_type", "code")
                .queryParam("scope", SCOPES)
                .queryParam("approval_prompt", "auto")
                .queryParam("state", state)
                .build()).build();
    }

    /** Strava's redirect: checks state and granted scopes, exchanges the code, stores the athlete's tokens. */
    @GET
    @Path("/callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("error") String error) {
        if (error != null) {
            return Problem.response(400, "Strava access denied", "Strava answered error=" + error
                    + ": the athlete did not authorize Paceline; start again at GET /oauth/connect");
        }
        if (state == null || !state.matches("[0-9a-f-]{36}") || lake.get(statePath(state)).isEmpty()) {
            return Problem.response(400, "Unknown OAuth state", "the state parameter is missing, unknown or used:"
                    + " start again at GET /oauth/connect");
        }
        Instant issued = Instant.parse(new String(lake.get(statePath(state)).get(), StandardCharsets.UTF_8));
        lake.delete(statePath(state));
        if (issued.plus(STATE_TTL).isBefore(clock.instant())) {
            return Problem.response(400, "OAuth state expired", "the authorization took longer than "
                    + STATE_TTL.toMinutes() + " minutes: start again at GET /oauth/connect");
        }
        if (code == null || code.isBlank()) {
            return Problem.response(400, "Missing code", "Strava's redirect carries no code: start again at GET /oauth/connect");
        }
        List<String> granted = scope == null ? List.of() : Arrays.stream(scope.split(",")).map(String::trim).toList();
        List<String> missing = REQUIRED.stream().filter(s -> !granted.contains(s)).sorted().toList();
        if (!missing.isEmpty()) {
            return Problem.response(400, "Missing Strava scopes", "the athlete did not grant " + String.join(", ", missing)
                    + ": Paceline needs them to read activities (including private ones). Start again at GET"
                    + " /oauth/connect and keep 'View data about your private activities' ticked");
        }
        TokenResponse token = strava.exchange(code);
        long athleteId = token.athlete() == null ? 0 : token.athlete().path("id").asLong(0);
        if (athleteId <= 0) {
            return Problem.response(502, "Strava answer without athlete", "POST /oauth/token answered without"
                    + " athlete.id: start again at GET /oauth/connect");
        }
        tokens.connect(athleteId, token, String.join(",", granted));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("athlete_id", athleteId);
        body.put("scopes", granted);
        body.put("zones", granted.contains("profile:read_all") ? "fetched" : "not fetched: profile:read_all not granted");
        body.put("next", "the next run syncs this athlete (POST /sync/run to start one now)");
        return Response.ok(body).build();
    }

    private static String statePath(String state) {
        return LakeLayout.state("ingest", "oauth-state/" + state);
    }

    static String scopes() {
        return Arrays.stream(SCOPES.split(",")).collect(Collectors.joining(","));
    }
}
