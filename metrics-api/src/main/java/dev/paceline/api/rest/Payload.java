package dev.paceline.api.rest;

import java.util.Map;

/**
 * A rendered answer: body bytes, media type, its entity tag and extra headers; cached by {@link AnswerCache}.
 *
 * @param build the build it was computed from (a cached payload of another build is stale)
 * @param athleteId the athlete it describes (a key must be allowed to read it)
 */
public record Payload(String build, long athleteId, byte[] body, String mediaType, String etag, Map<String, String> headers) {

    /** Estimated heap bytes, for the cache budget. */
    long estimatedBytes() {
        return body.length + 64L * (headers.size() + 4) + 128;
    }
}
