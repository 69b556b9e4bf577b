package dev.paceline.platform.warehouse;

/** A warehouse statement or job failed; the message names the statement (or job) and the engine's error. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }

    public WarehouseException(String message) {
        super(message);
    }
}
