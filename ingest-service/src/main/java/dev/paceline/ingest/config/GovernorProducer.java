package dev.paceline.ingest.config;

import dev.paceline.ingest.governor.RateGovernor;
import dev.paceline.ingest.governor.Sleeper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one rate governor of the configured Strava app, with its remaining budget exported as gauges. */
public class GovernorProducer {

    @Produces
    @Singleton
    RateGovernor governor(Clock clock, Sleeper sleeper, IngestConfig config, MeterRegistry metrics) {
        RateGovernor governor = new RateGovernor(clock, sleeper, config.budgetShare());
        Gauge.builder("paceline.strava.budget.remaining", governor, g -> g.snapshot().shortRemaining())
                .tag("window", "15min").description("requests the governor may still send in this 15-minute window")
                .register(metrics);
        Gauge.builder("paceline.strava.budget.remaining", governor, g -> g.snapshot().dailyRemaining())
                .tag("window", "daily").description("requests the governor may still send today")
                .register(metrics);
        Gauge.builder("paceline.strava.throttled", governor, g -> g.snapshot().throttled())
                .description("429 answers received since start").register(metrics);
        return governor;
    }
}
