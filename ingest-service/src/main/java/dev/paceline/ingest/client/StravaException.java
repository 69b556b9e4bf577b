package dev.paceline.ingest.client;

/** A Strava call failed; subclasses say whether it may be retried. The message names the cause and the fix. */
public class StravaException extends RuntimeException {

    private final int status;

    public StravaException(int status, String message) {
        super(message);
        this.status = status;
    }

    public StravaException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** 5xx, timeout or connection failure: retried with backoff, counted by the circuit breaker. */
    public static class Transient extends StravaException {
        public Transient(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }

    /** 429: retried after the governor's wait for the next window; not a circuit-breaker failure. */
    public static class RateLimited extends StravaException {
        public RateLimited(String message) {
            super(429, message);
        }
    }

    /** 401: the access token was refused; the caller refreshes once, then reports the athlete. */
    public static class Unauthorized extends StravaException {
        public Unauthorized(String message) {
            super(401, message);
        }
    }

    /** 403 Application Inactive: nothing works until the app owner acts; never retried. */
    public static class ApplicationInactive extends StravaException {
        public ApplicationInactive(String message) {
            super(403, message);
        }
    }

    /** Any other 4xx (or a refused OAuth grant): a bad request or missing permission; never retried. */
    public static class Refused extends StravaException {
        public Refused(int status, String message) {
            super(status, message);
        }
    }
}
