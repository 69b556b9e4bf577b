package dev.paceline.platform.testing.googlesql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON canonicalisation shared by both engines' row normalisation: compact text, object keys sorted. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {
  }

  /** Compact JSON with object keys in sorted order, so {@code {"b":1, "a":2}} and {@code {"a":2,"b":1}} are equal. */
  static String canonical(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(MAPPER.readValue(json, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + abbreviate(json) + " (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** Serialises a Java value (map, list, number, string) as JSON text. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
