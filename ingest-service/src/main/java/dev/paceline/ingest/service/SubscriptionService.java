package dev.paceline.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.ingest.client.StravaClient;
import dev.paceline.ingest.client.StravaException;
import dev.paceline.ingest.client.StravaResponse;
import dev.paceline.ingest.config.WebhookConfig;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/** The app's push subscription: create, list, delete; its id is stored in {@code state/ingest/subscription.json}. */
@ApplicationScoped
public class SubscriptionService {

    static final String STATE = LakeLayout.state("ingest", "subscription.json");

    private final StravaClient strava;
    private final WebhookConfig config;
    private final Lake lake;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Long cached;

    public SubscriptionService(StravaClient strava, WebhookConfig config, Lake lake, ObjectMapper json, Clock clock) {
        this.strava = strava;
        this.config = config;
        this.lake = lake;
        this.json = json;
        this.clock = clock;
    }

    /** The configured subscription id, else the one stored when it was created here. */
    public Optional<Long> knownSubscriptionId() {
        if (config.subscriptionId().isPresent()) {
            return config.subscriptionId();
        }
        Long id = cached;
        if (id == null) {
            id = lake.get(STATE).map(this::tree).map(n -> n.path("id").asLong(0)).filter(v -> v > 0).orElse(null);
            cached = id;
        }
        return Optional.ofNullable(id);
    }

    public JsonNode list() {
        return tree(body(strava.listSubscriptions()));
    }

    /** Creates the subscription (Strava validates the callback synchronously) and stores its id. */
    public JsonNode create(String callbackOverride) {
        String callback = callbackOverride == null || callbackOverride.isBlank() ? config.callbackUrl() : callbackOverride;
        String verify = config.verifyToken().filter(t -> !t.isBlank()).orElseThrow(() -> new StravaException.Refused(0,
                "STRAVA_WEBHOOK_VERIFY_TOKEN is not set: set it before creating the push subscription"));
        JsonNode created = tree(body(strava.createSubscription(callback, verify)));
        long id = created.path("id").asLong(0);
        if (id <= 0) {
            throw new StravaException.Refused(0, "POST /push_subscriptions answered without an id: " + created);
        }
        try {
            lake.put(STATE, json.writeValueAsBytes(json.createObjectNode().put("id", id)
                    .put("callback_url", callback).put("created_at", clock.instant().toString())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        cached = id;
        return created;
    }

    public boolean delete(long id) {
        StravaResponse response = strava.deleteSubscription(id);
        if (response.notFound()) {
            return false;
        }
        if (knownSubscriptionId().filter(k -> k == id).isPresent()) {
            lake.delete(STATE);
            cached = null;
        }
        return true;
    }

    private byte[] body(StravaResponse response) {
        if (response.notFound()) {
            throw new StravaException.Refused(404, response.source() + " answered 404");
        }
        return response.body();
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedPayloadException("push subscription", e.getMessage());
        }
    }
}
