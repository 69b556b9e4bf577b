package dev.paceline.platform.lake;

/** A lake operation failed (I/O, permissions, unreachable store). The message names the path and the cause. */
public class LakeException extends RuntimeException {

    public LakeException(String message, Throwable cause) {
        super(message, cause);
    }

    public LakeException(String message) {
        super(message);
    }
}
