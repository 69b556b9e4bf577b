package dev.paceline.stats;

/** A streams payload that is not JSON of a shape Strava returns; the message names the cause and the fix. */
public final class StreamFormatException extends RuntimeException {
    public StreamFormatException(String message) {
        super(message);
    }

    public StreamFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
