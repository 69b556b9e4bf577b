package dev.paceline.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.WebhookEvent;
import dev.paceline.ingest.config.WebhookConfig;
import dev.paceline.ingest.service.SubscriptionService;
import dev.paceline.ingest.service.WebhookQueue;
import dev.paceline.ingest.token.TokenStore;
import dev.paceline.platform.lake.Lake;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Strava's push callback: the subscription handshake and event delivery (queued durably, answered at once). */
@Path("/webhook")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final WebhookConfig config;
    private final WebhookQueue queue;
    private final SubscriptionService subscriptions;
    private final Lake lake;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public WebhookResource(WebhookConfig config, WebhookQueue queue, SubscriptionService subscriptions, Lake lake,
            ObjectMapper json, MeterRegistry metrics) {
        this.config = config;
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.lake = lake;
        this.json = json;
        this.metrics = metrics;
    }

    /** Subscription validation: echoes hub.challenge only when hub.verify_token matches the configured token. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response handshake(@QueryParam("hub.mode") String mode, @QueryParam("hub.challenge") String challenge,
            @QueryParam("hub.verify_token") String verifyToken) {
        Optional<String> expected = config.verifyToken().filter(t -> !t.isBlank());
        if (expected.isEmpty()) {
            count("handshake_refused");
            return Problem.response(403, "Webhook verify token not configured", "STRAVA_WEBHOOK_VERIFY_TOKEN is not set:"
                    + " set it to the verify_token given when creating the push subscription");
        }
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty()) {
            count("handshake_refused");
            return Problem.response(400, "Bad handshake", "expected hub.mode=subscribe and a hub.challenge");
        }
        if (verifyToken == null || !MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            count("handshake_refused");
            LOG.warn("webhook handshake refused: hub.verify_token does not match STRAVA_WEBHOOK_VERIFY_TOKEN");
            return Problem.response(403, "Wrong verify token", "hub.verify_token does not match the configured"
                    + " STRAVA_WEBHOOK_VERIFY_TOKEN: create the subscription with the same token");
        }
        return Response.ok(Map.of("hub.challenge", challenge)).build();
    }

    /** An event: validated, checked against the subscription and known athletes, queued durably, then 200. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response event(byte[] body) {
        WebhookEvent event;
        try {
            JsonNode node = body == null || body.length == 0 ? null : json.readTree(body);
            event = WebhookEvent.parse(node);
        } catch (IOException e) {
            count("malformed");
            return Problem.response(400, "Malformed webhook event", "the body is not valid JSON ("
                    + e.getMessage().split("\n")[0] + "): Strava sends {object_type, object_id, aspect_type, owner_id,"
                    + " subscription_id, event_time, updates}");
        } catch (IllegalArgumentException e) {
            count("malformed");
            return Problem.response(400, "Malformed webhook event", e.getMessage()
                    + ": Strava sends {object_type, object_id, aspect_type, owner_id, subscription_id, event_time, updates}");
        }
        Optional<Long> subscription = subscriptions.knownSubscriptionId();
        if (subscription.isEmpty() || subscription.get() != event.subscriptionId()) {
            count("unknown_subscription");
            LOG.warnf("webhook event refused: subscription_id %d is not this app's subscription (%s)",
                    event.subscriptionId(), subscription.map(String::valueOf).orElse("none known"));
            return Problem.response(403, "Unknown subscription", "subscription_id " + event.subscriptionId()
                    + " is not this app's push subscription ("
                    + subscription.map(id -> "expected " + id).orElse("none is known: create it with POST"
                            + " /webhook/subscription or set paceline.webhook.subscription-id") + ")");
        }
        if (lake.stat(TokenStore.tokenPath(event.ownerId())).isEmpty()) {
            count("unknown_athlete");
            LOG.warnf("webhook event refused: owner_id %d is not a connected athlete", event.ownerId());
            return Problem.response(403, "Unknown athlete", "owner_id " + event.ownerId()
                    + " is not an athlete connected to this Paceline (connect it at GET /oauth/connect)");
        }
        String path = queue.enqueue(body);
        count("queued");
        return Response.ok(Map.of("queued", true, "object_type", event.objectType(), "aspect_type", event.aspectType(),
                "object_id", event.objectId(), "queue_object", path)).build();
    }

    private void count(String outcome) {
        metrics.counter("paceline.webhook.events", "outcome", outcome).increment();
    }
}
