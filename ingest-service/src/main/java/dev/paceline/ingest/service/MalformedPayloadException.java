package dev.paceline.ingest.service;

/** Strava answered 2xx with a body that is not valid JSON; the object is not written and the activity is reported. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String source, String detail) {
        super(source + " answered malformed JSON (" + detail + "): the object was not written; it is retried on the"
                + " next runs and reported in GET /sync/status until Strava answers valid JSON");
    }
}
