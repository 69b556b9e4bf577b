package dev.paceline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A Strava push event. Events are not signed: they are checked against the known subscription and athletes and
 * treated as hints (the activity is re-fetched).
 *
 * @param objectType activity | athlete
 * @param objectId activity id or athlete id
 * @param aspectType create | update | delete
 * @param ownerId athlete id
 * @param subscriptionId push subscription id
 * @param eventTime epoch seconds
 * @param updates changed fields, e.g. {"title": "…"} or {"authorized": "false"}
 */
@RegisterForReflection
public record WebhookEvent(String objectType, long objectId, String aspectType, long ownerId, long subscriptionId,
        long eventTime, JsonNode updates) {

    /** Parses and validates an event; the message of the exception names the missing or wrong field. */
    public static WebhookEvent parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the event is not a JSON object");
        }
        String objectType = text(node, "object_type");
        if (!objectType.equals("activity") && !objectType.equals("athlete")) {
            throw new IllegalArgumentException("object_type '" + objectType + "' is not activity or athlete");
        }
        String aspectType = text(node, "aspect_type");
        if (!aspectType.equals("create") && !aspectType.equals("update") && !aspectType.equals("delete")) {
            throw new IllegalArgumentException("aspect_type '" + aspectType + "' is not create, update or delete");
        }
        return new WebhookEvent(objectType, number(node, "object_id"), aspectType, number(node, "owner_id"),
                number(node, "subscription_id"), node.path("event_time").asLong(0),
                node.path("updates").isObject() ? node.get("updates") : null);
    }

    /** Athlete deauthorization: {@code object_type athlete} with {@code updates.authorized "false"}. */
    public boolean deauthorization() {
        return objectType.equals("athlete") && updates != null && updates.has("authorized")
                && "false".equalsIgnoreCase(updates.get("authorized").asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() <= 0) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a positive integer");
        }
        return v.asLong();
    }
}
