package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.config.SimulatorConfig;
import dev.paceline.simulator.service.ActivityService;
import dev.paceline.simulator.service.StravaException;
import dev.paceline.simulator.service.TokenService;
import dev.paceline.simulator.service.WebhookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.util.Set;

/** Strava's OAuth endpoints: authorize (auto-approved), token (code and refresh grants), deauthorize. */
@Path("/oauth")
@Produces(ExceptionMappers.JSON)
public class OAuthResource {

    private final SimulatorConfig config;
    private final TokenService tokens;
    private final ActivityService activities;
    private final WebhookService webhooks;

    public OAuthResource(SimulatorConfig config, TokenService tokens, ActivityService activities,
                         WebhookService webhooks) {
        this.config = config;
        this.tokens = tokens;
        this.activities = activities;
        this.webhooks = webhooks;
    }

    @GET
    @Path("/authorize")
    public Response authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirect,
                              @QueryParam("response_type") String responseType, @QueryParam("scope") String scope,
                              @QueryParam("state") String state) {
        if (!config.clientId().equals(clientId)) {
            throw StravaException.badRequest("Application", "client_id", "invalid");
        }
        if (redirect == null || redirect.isBlank()) {
            throw StravaException.badRequest("Application", "redirect_uri", "invalid");
        }
        if (!"code".equals(responseType)) {
            throw StravaException.badRequest("Application", "response_type", "invalid");
        }
        Set<String> scopes = TokenService.parseScopes(scope);
        String code = tokens.authorize(scopes);
        UriBuilder target;
        try {
            target = UriBuilder.fromUri(URI.create(redirect));
        } catch (IllegalArgumentException e) {
            throw StravaException.badRequest("Application", "redirect_uri", "invalid");
        }
        if (state != null) {
            target.queryParam("state", state);
        }
        target.queryParam("code", code).queryParam("scope", String.join(",", scopes));
        return Response.status(302).location(target.build()).build();
    }

    /** The token endpoint; Strava takes the parameters as a form body or as query parameters. */
    @POST
    @Path("/token")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public ObjectNode token(@FormParam("client_id") String clientId, @FormParam("client_secret") String secret,
                            @FormParam("grant_type") String grantType, @FormParam("code") String code,
                            @FormParam("refresh_token") String refreshToken,
                            @QueryParam("client_id") String qClientId, @QueryParam("client_secret") String qSecret,
                            @QueryParam("grant_type") String qGrantType, @QueryParam("code") String qCode,
                            @QueryParam("refresh_token") String qRefreshToken) {
        String client = first(clientId, qClientId);
        checkClient(client, first(secret, qSecret));
        String grant = first(grantType, qGrantType);
        if ("authorization_code".equals(grant)) {
            return tokens.exchangeCode(first(code, qCode), activities.athleteSummary());
        }
        if ("refresh_token".equals(grant)) {
            return tokens.refresh(first(refreshToken, qRefreshToken));
        }
        throw StravaException.badRequest("Application", "grant_type", grant == null ? "missing" : "invalid");
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    @POST
    @Path("/deauthorize")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public ObjectNode deauthorize(@FormParam("access_token") String formToken,
                                  @QueryParam("access_token") String queryToken,
                                  @HeaderParam("Authorization") String authorization) {
        String token = formToken != null ? formToken : queryToken;
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        }
        long athleteId = tokens.deauthorize(token);
        ObjectNode updates = JsonNodeFactory.instance.objectNode().put("authorized", "false");
        webhooks.publish("athlete", athleteId, "update", updates, athleteId);
        return JsonNodeFactory.instance.objectNode().put("access_token", token);
    }

    /** The new name Strava is moving deauthorize to. */
    @POST
    @Path("/revoke")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.WILDCARD})
    public ObjectNode revoke(@FormParam("access_token") String formToken, @QueryParam("access_token") String queryToken,
                             @HeaderParam("Authorization") String authorization) {
        return deauthorize(formToken, queryToken, authorization);
    }

    private void checkClient(String clientId, String secret) {
        if (clientId == null || !config.clientId().equals(clientId)) {
            throw StravaException.badRequest("Application", "client_id", "invalid");
        }
        if (secret == null || !config.clientSecret().equals(secret)) {
            throw StravaException.unauthorized("Application", "client_secret", "invalid");
        }
    }
}
