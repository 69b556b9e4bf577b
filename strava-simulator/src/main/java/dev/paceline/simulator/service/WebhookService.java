package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.config.SimulatorConfig;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Strava push subscriptions: one subscription per application, created only after the callback answers the
 * {@code hub.challenge} handshake; events are POSTed asynchronously and retried when the callback fails or does not
 * answer within the timeout, up to {@code simulator.webhook.max-attempts} attempts in total.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    /** Strava's numeric application id for the simulated app. */
    public static final int APPLICATION_ID = 4242;

    /** The subscription. */
    public record Subscription(long id, String callbackUrl, String verifyToken, Instant createdAt) {
    }

    /** One delivery attempt, kept for the admin API. */
    @RegisterForReflection
    public record Delivery(long eventSequence, int attempt, String outcome, Integer status, long millis,
                           String aspectType, String objectType, long objectId) {
    }

    private final SimulatorConfig config;
    private final SimClock clock;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong subscriptionIds = new AtomicLong(120_000);
    private final AtomicLong eventSequence = new AtomicLong();
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile Subscription subscription;

    public WebhookService(SimulatorConfig config, SimClock clock, ObjectMapper mapper) {
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhook().timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "webhook-delivery");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    public Optional<Subscription> subscription() {
        return Optional.ofNullable(subscription);
    }

    /** Validates the callback with Strava's handshake, then stores the subscription. */
    public synchronized Subscription create(String callbackUrl, String verifyToken) {
        if (subscription != null) {
            throw StravaException.badRequest("PushSubscription", "", "already exists");
        }
        URI callback;
        try {
            callback = URI.create(callbackUrl);
            if (callback.getScheme() == null || !callback.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not http");
            }
        } catch (IllegalArgumentException e) {
            throw StravaException.badRequest("PushSubscription", "callback url", "invalid");
        }
        String challenge = UUID.randomUUID().toString().replace("-", "");
        String sep = callbackUrl.contains("?") ? "&" : "?";
        URI handshake = URI.create(callbackUrl + sep + "hub.mode=subscribe&hub.challenge=" + challenge
                + "&hub.verify_token=" + URLEncoder.encode(verifyToken == null ? "" : verifyToken,
                StandardCharsets.UTF_8));
        boolean ok;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(handshake).timeout(config.webhook().timeout())
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.statusCode() == 200 ? mapper.readTree(r.body()) : null;
            ok = body != null && challenge.equals(body.path("hub.challenge").asText(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (Exception e) {
            LOG.debugf("handshake with %s failed: %s", callbackUrl, e.toString());
            ok = false;
        }
        if (!ok) {
            throw StravaException.badRequest("PushSubscription", "callback url",
                    "GET to callback URL does not return 200");
        }
        subscription = new Subscription(subscriptionIds.incrementAndGet(), callbackUrl, verifyToken, clock.now());
        return subscription;
    }

    public synchronized boolean delete(long id) {
        if (subscription == null || subscription.id() != id) {
            return false;
        }
        subscription = null;
        return true;
    }

    public ArrayNode list() {
        ArrayNode out = mapper.createArrayNode();
        Subscription s = subscription;
        if (s != null) {
            ObjectNode o = out.addObject();
            o.put("id", s.id());
            o.put("resource_state", 2);
            o.put("application_id", APPLICATION_ID);
            o.put("callback_url", s.callbackUrl());
            o.put("created_at", s.createdAt().toString());
            o.put("updated_at", s.createdAt().toString());
        }
        return out;
    }

    /**
     * Sends an event to the subscription's callback, if any.
     *
     * @param updates for {@code update}: the changed fields ({@code title}, {@code type}, {@code private}), for an
     *                athlete deauthorization {@code {"authorized":"false"}}
     */
    public void publish(String objectType, long objectId, String aspectType, ObjectNode updates, long ownerId) {
        Subscription s = subscription;
        if (s == null) {
            return;
        }
        ObjectNode event = mapper.createObjectNode();
        event.put("aspect_type", aspectType);
        event.put("event_time", clock.epochSecond());
        event.put("object_id", objectId);
        event.put("object_type", objectType);
        event.put("owner_id", ownerId);
        event.put("subscription_id", s.id());
        event.set("updates", updates == null ? mapper.createObjectNode() : updates);
        long seq = eventSequence.incrementAndGet();
        scheduler.execute(() -> attempt(s, event, seq, 1));
    }

    private void attempt(Subscription s, ObjectNode event, long seq, int attempt) {
        long t0 = System.nanoTime();
        String outcome;
        Integer status = null;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(s.callbackUrl()))
                    .timeout(config.webhook().timeout()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(),
                    HttpResponse.BodyHandlers.discarding());
            status = r.statusCode();
            outcome = status >= 200 && status < 300 ? "delivered" : "failed";
        } catch (java.net.http.HttpTimeoutException e) {
            outcome = "timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            outcome = "error";
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        synchronized (deliveries) {
            deliveries.add(new Delivery(seq, attempt, outcome, status, millis, event.path("aspect_type").asText(),
                    event.path("object_type").asText(), event.path("object_id").asLong()));
        }
        if (!"delivered".equals(outcome) && attempt < config.webhook().maxAttempts()) {
            scheduler.schedule(() -> attempt(s, event, seq, attempt + 1),
                    config.webhook().retryDelay().toMillis(), TimeUnit.MILLISECONDS);
        } else if (!"delivered".equals(outcome)) {
            LOG.infof("event %d (%s %s %d) not delivered after %d attempts", seq,
                    event.path("object_type").asText(), event.path("aspect_type").asText(),
                    event.path("object_id").asLong(), attempt);
        }
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** No subscription and no delivery log. */
    public synchronized void reset() {
        subscription = null;
        clearDeliveries();
    }

    public void clearDeliveries() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }
}
