package dev.paceline.ingest.client;

/**
 * A Strava answer that the caller handles: 2xx with its body bytes exactly as received, or 404.
 *
 * @param status HTTP status
 * @param body body bytes, verbatim (empty for 404)
 * @param source the request, for envelopes and logs, e.g. {@code GET /activities/1}
 */
public record StravaResponse(int status, byte[] body, String source) {

    public boolean notFound() {
        return status == 404;
    }
}
