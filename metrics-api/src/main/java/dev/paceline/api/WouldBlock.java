package dev.paceline.api;

/**
 * Thrown on an event-loop thread when an answer needs a partition that is not loaded yet: the request is then re-run
 * on a worker thread, which may read the lake. Carries no stack trace (it is control flow, not an error).
 */
public final class WouldBlock extends RuntimeException {

    public static final WouldBlock INSTANCE = new WouldBlock();

    private WouldBlock() {
        super("partition not loaded: retry on a worker thread", null, false, false);
    }
}
