package dev.paceline.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paceline.ingest.service.SubscriptionService;
import dev.paceline.platform.security.AdminOnly;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Manage the app's Strava push subscription (one per app). */
@Path("/webhook/subscription")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService subscriptions;

    public SubscriptionResource(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GET
    public JsonNode list() {
        return subscriptions.list();
    }

    /** Creates the subscription; {@code callback_url} overrides paceline.webhook.callback-url. */
    @POST
    public Response create(@jakarta.ws.rs.QueryParam("callback_url") String callbackUrl) {
        return Response.status(201).entity(subscriptions.create(callbackUrl)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        return subscriptions.delete(id) ? Response.noContent().build()
                : Problem.response(404, "Unknown subscription", "Strava knows no push subscription " + id
                        + ": list them with GET /webhook/subscription");
    }
}
