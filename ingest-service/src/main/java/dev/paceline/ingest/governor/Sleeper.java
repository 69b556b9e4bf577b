package dev.paceline.ingest.governor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until an instant of a clock. Production sleeps; tests advance a simulated clock instead. */
@FunctionalInterface
public interface Sleeper {

    /** Returns once {@code until} has passed on the clock this sleeper belongs to. */
    void sleepUntil(Instant until) throws InterruptedException;

    /** A sleeper that blocks the thread against {@code clock} (re-checking, so a slow clock or early wake-up is fine). */
    static Sleeper system(Clock clock) {
        return until -> {
            while (true) {
                long millis = Duration.between(clock.instant(), until).toMillis();
                if (millis <= 0) {
                    return;
                }
                Thread.sleep(Math.min(millis, 60_000));
            }
        };
    }
}
