package dev.paceline.files;

/**
 * A file that cannot be imported, with a reason a person can act on. The {@link Reason} groups the report;
 * the message names the file's problem and what to do.
 */
public final class ActivityFileException extends RuntimeException {

    /** Why a file was not imported. */
    public enum Reason {
        /** The name is neither .fit, .tcx nor .gpx (optionally .gz). */
        UNKNOWN_FORMAT,
        /** The bytes are not what the name says, or are damaged. */
        CORRUPT,
        /** The file ends before its data does (an interrupted upload or copy). */
        TRUNCATED,
        /** A FIT file of another type (settings, monitoring, course…) or a file without timed samples. */
        NOT_AN_ACTIVITY,
        /** The file exceeds a size limit. */
        TOO_LARGE
    }

    private final Reason reason;

    public ActivityFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ActivityFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
