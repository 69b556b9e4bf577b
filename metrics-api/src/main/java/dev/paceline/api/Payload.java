package dev.paceline.api;

import java.util.Map;

/** A serialized answer: body bytes, media type and extra headers; cached per build and query. */
public record Payload(byte[] body, String mediaType, Map<String, String> headers) {
}
