package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Converts between Strava's two streams forms and selects the requested keys. */
public final class StreamForms {

    private StreamForms() {
    }

    /** Normalises either form to {@code {type: {data, series_type, original_size, resolution}}}. */
    public static ObjectNode toKeyByType(JsonNode streams, String defaultSeriesType) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (streams.isArray()) {
            for (JsonNode s : streams) {
                String type = s.path("type").asText(null);
                if (type == null) {
                    throw new IllegalArgumentException("a stream in the array form has no \"type\"");
                }
                ObjectNode copy = ((ObjectNode) s).deepCopy();
                copy.remove("type");
                out.set(type, complete(copy, defaultSeriesType));
            }
        } else if (streams.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = streams.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), complete(((ObjectNode) e.getValue()).deepCopy(), defaultSeriesType));
            }
        } else {
            throw new IllegalArgumentException("streams must be a JSON object or array");
        }
        return out;
    }

    private static ObjectNode complete(ObjectNode s, String seriesType) {
        if (!s.has("series_type")) {
            s.put("series_type", seriesType);
        }
        if (!s.has("original_size")) {
            s.put("original_size", s.path("data").size());
        }
        if (!s.has("resolution")) {
            s.put("resolution", "high");
        }
        return s;
    }

    /**
     * Keeps the requested keys that exist (plus {@code distance}, which Strava always adds), in the stored order.
     * No requested keys: {@code distance} only, as Strava answers.
     */
    public static ObjectNode select(ObjectNode all, Collection<String> keys) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> it = all.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (keys.contains(e.getKey()) || "distance".equals(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The {@code key_by_type=false} form: {@code [{"type": key, "data": [...], ...}]}. */
    public static ArrayNode toArray(ObjectNode keyByType) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Iterator<Map.Entry<String, JsonNode>> it = keyByType.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode s = out.addObject();
            s.put("type", e.getKey());
            s.setAll((ObjectNode) e.getValue());
        }
        return out;
    }
}
