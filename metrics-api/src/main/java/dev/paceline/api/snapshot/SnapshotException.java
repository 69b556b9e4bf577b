package dev.paceline.api.snapshot;

/** The serving snapshot cannot be read (missing or corrupt object, unreachable lake). Served as 503. */
public class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
