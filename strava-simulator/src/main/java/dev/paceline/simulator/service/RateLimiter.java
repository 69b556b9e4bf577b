package dev.paceline.simulator.service;

import dev.paceline.simulator.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Strava's application rate limits: 15-minute windows aligned to :00/:15/:30/:45 and a daily window from 00:00 UTC,
 * each for all requests and for reads. Every request counts, rejected ones included. Windows follow the
 * {@link SimClock}. Limits start from the configuration and can be changed at runtime through the admin API.
 */
@ApplicationScoped
public class RateLimiter {

    /** Usage after recording one request. */
    public record Usage(int overall15, int overallDaily, int read15, int readDaily, Limits limits, boolean exceeded) {

        public String limitHeader() {
            return limits.overall15() + "," + limits.overallDaily();
        }

        public String usageHeader() {
            return overall15 + "," + overallDaily;
        }

        public String readLimitHeader() {
            return limits.read15() + "," + limits.readDaily();
        }

        public String readUsageHeader() {
            return read15 + "," + readDaily;
        }
    }

    /** The four limits. */
    public record Limits(int read15, int readDaily, int overall15, int overallDaily) {
    }

    private final SimClock clock;
    private final Limits configured;
    private Limits limits;
    private long window15 = -1;
    private long day = -1;
    private int overall15;
    private int overallDaily;
    private int read15;
    private int readDaily;
    private int rejected;

    public RateLimiter(SimulatorConfig config, SimClock clock) {
        this.clock = clock;
        SimulatorConfig.Limits l = config.limits();
        this.configured = new Limits(l.read15min(), l.readDaily(), l.overall15min(), l.overallDaily());
        this.limits = configured;
    }

    /** Configured limits again and no usage. */
    public synchronized void reset() {
        limits = configured;
        resetUsage();
    }

    /** Counts one request ({@code read}: a non-upload request, which all simulated endpoints are). */
    public synchronized Usage record(boolean read) {
        roll();
        overall15++;
        overallDaily++;
        if (read) {
            read15++;
            readDaily++;
        }
        boolean exceeded = overall15 > limits.overall15() || overallDaily > limits.overallDaily()
                || (read && (read15 > limits.read15() || readDaily > limits.readDaily()));
        if (exceeded) {
            rejected++;
        }
        return new Usage(overall15, overallDaily, read15, readDaily, limits, exceeded);
    }

    public synchronized Usage current() {
        roll();
        return new Usage(overall15, overallDaily, read15, readDaily, limits, false);
    }

    public synchronized int rejected() {
        return rejected;
    }

    public synchronized Limits limits() {
        return limits;
    }

    public synchronized void setLimits(Limits newLimits) {
        this.limits = newLimits;
    }

    /** Forgets the usage of the current windows (admin). */
    public synchronized void resetUsage() {
        overall15 = overallDaily = read15 = readDaily = 0;
        rejected = 0;
    }

    /** Start (epoch seconds) of the current 15-minute window. */
    public synchronized long windowStart() {
        return clock.epochSecond() / 900 * 900;
    }

    private void roll() {
        long now = clock.epochSecond();
        long w = Math.floorDiv(now, 900);
        long d = Math.floorDiv(now, 86_400);
        if (w != window15) {
            window15 = w;
            overall15 = 0;
            read15 = 0;
        }
        if (d != day) {
            day = d;
            overallDaily = 0;
            readDaily = 0;
        }
    }
}
