package dev.paceline.ingest.config;

import dev.paceline.ingest.governor.Sleeper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The wall clock and the way to wait for it; tests replace both with a controllable clock. */
public class TimeProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    @DefaultBean
    Sleeper sleeper(Clock clock) {
        return Sleeper.system(clock);
    }
}
