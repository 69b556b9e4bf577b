package dev.paceline.transform;

/** A model, seed or selection is invalid (unknown ref, cycle, bad header, bad config); the message names the fix. */
public class ModelException extends RuntimeException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
