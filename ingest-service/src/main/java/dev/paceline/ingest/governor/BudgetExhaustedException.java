package dev.paceline.ingest.governor;

import java.time.Instant;

/** The next request would have to wait longer than the caller allows (job mode): save the checkpoint and stop. */
public class BudgetExhaustedException extends RuntimeException {

    private final Instant nextWindow;

    public BudgetExhaustedException(Instant nextWindow, String why) {
        super("Strava rate budget exhausted (" + why + "); the next request is allowed at " + nextWindow
                + ". The checkpoint is saved: run again after that time to continue.");
        this.nextWindow = nextWindow;
    }

    public Instant nextWindow() {
        return nextWindow;
    }
}
