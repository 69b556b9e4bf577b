package dev.paceline.ingest.sim;

import dev.paceline.ingest.governor.Sleeper;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In tests, ingest lives on the simulator's clock: it reads the time from /admin/clock and "sleeps" by advancing it,
 * so a backfill across many rate-limit windows takes seconds.
 */
public class SimulatorTime {

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    Simulator simulator(@ConfigProperty(name = "paceline.test.simulator-url") String url) {
        return new Simulator(url);
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    Clock clock(Simulator simulator) {
        return new Clock() {
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
                return simulator.now();
            }
        };
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(10)
    Sleeper sleeper(Simulator simulator) {
        return until -> {
            long seconds = Duration.between(simulator.now(), until).toSeconds();
            if (Duration.between(simulator.now(), until).toMillis() % 1000 != 0) {
                seconds++;
            }
            if (seconds > 0) {
                simulator.advance(Duration.ofSeconds(seconds));
            }
        };
    }
}
