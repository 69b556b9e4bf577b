package dev.paceline.simulator.rest;

/** A bad admin request: answered as {@code application/problem+json} naming the cause and the fix. */
public class AdminException extends RuntimeException {

    private final int status;

    public AdminException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static AdminException badRequest(String detail) {
        return new AdminException(400, detail);
    }

    public static AdminException notFound(String detail) {
        return new AdminException(404, detail);
    }
}
