package dev.paceline.simulator.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's notion of "now": token expiry, rate-limit windows and event times all read it, so tests can cross a
 * 15-minute window, a day or a token lifetime instantly. Runs with the system clock until set; once set it is frozen
 * (or keeps ticking from the new instant when asked).
 */
@ApplicationScoped
public class SimClock {

    private Instant base;
    private long baseNanos;
    private boolean frozen;

    public SimClock() {
        reset();
    }

    public synchronized Instant now() {
        if (base == null) {
            return Instant.now();
        }
        return frozen ? base : base.plusNanos(System.nanoTime() - baseNanos);
    }

    public long epochSecond() {
        return now().getEpochSecond();
    }

    public synchronized void set(Instant instant, boolean freeze) {
        base = instant;
        baseNanos = System.nanoTime();
        frozen = freeze;
    }

    public synchronized void advance(Duration by) {
        set(now().plus(by), base == null || frozen);
    }

    public synchronized boolean frozen() {
        return frozen;
    }

    /** Whether the clock follows the system clock. */
    public synchronized boolean system() {
        return base == null;
    }

    public synchronized void reset() {
        base = null;
        frozen = false;
    }
}
