package dev.paceline.ingest;

import dev.paceline.ingest.governor.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock tests move by hand; its sleeper jumps the clock instead of blocking, recording each wait. */
public final class MutableClock extends Clock {

    private volatile Instant now;
    public final List<Instant> sleeps = new ArrayList<>();

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void set(Instant at) {
        now = at;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public Sleeper sleeper() {
        return until -> {
            synchronized (sleeps) {
                sleeps.add(until);
            }
            if (until.isAfter(now)) {
                now = until;
            }
        };
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
