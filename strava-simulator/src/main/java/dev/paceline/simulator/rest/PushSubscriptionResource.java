package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.paceline.simulator.config.SimulatorConfig;
import dev.paceline.simulator.service.StravaException;
import dev.paceline.simulator.service.WebhookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Strava's push subscriptions, authenticated with the application's client id and secret. */
@Path("/api/v3/push_subscriptions")
@Produces(ExceptionMappers.JSON)
public class PushSubscriptionResource {

    private final SimulatorConfig config;
    private final WebhookService webhooks;

    public PushSubscriptionResource(SimulatorConfig config, WebhookService webhooks) {
        this.config = config;
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@FormParam("client_id") String clientId, @FormParam("client_secret") String secret,
                           @FormParam("callback_url") String callbackUrl,
                           @FormParam("verify_token") String verifyToken) {
        checkClient(clientId, secret);
        if (callbackUrl == null || callbackUrl.isBlank()) {
            throw StravaException.badRequest("PushSubscription", "callback_url", "missing");
        }
        if (verifyToken == null || verifyToken.isBlank()) {
            throw StravaException.badRequest("PushSubscription", "verify_token", "missing");
        }
        WebhookService.Subscription s = webhooks.create(callbackUrl, verifyToken);
        return Response.status(201).type(ExceptionMappers.JSON)
                .entity(JsonNodeFactory.instance.objectNode().put("id", s.id())).build();
    }

    @GET
    public ArrayNode list(@QueryParam("client_id") String clientId, @QueryParam("client_secret") String secret) {
        checkClient(clientId, secret);
        return webhooks.list();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id, @QueryParam("client_id") String clientId,
                           @QueryParam("client_secret") String secret) {
        checkClient(clientId, secret);
        if (!webhooks.delete(id)) {
            throw StravaException.notFound("PushSubscription", "id");
        }
        return Response.noContent().build();
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
