package dev.paceline.ingest.governor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Spends one Strava app's rate budget: at most {@code share} of each 15-minute window (aligned to :00, :15, :30, :45
 * UTC) and of each UTC day, for both the overall and the read limit. Limits and usage come from the
 * {@code X-RateLimit-*} and {@code X-ReadRateLimit-*} headers of every answer; until the first answer the defaults of
 * a new Strava app are assumed. A request expected to be refused is held until the window that allows it; after a
 * 429 nothing is sent before the next window. Thread-safe: one instance per Strava app, shared by every athlete.
 */
public final class RateGovernor {

    static final long WINDOW_SECONDS = 900;

    private final Clock clock;
    private final Sleeper sleeper;
    private final double share;

    private int shortLimit = 200;
    private int dailyLimit = 2000;
    private int readShortLimit = 100;
    private int readDailyLimit = 1000;
    private long windowIndex = Long.MIN_VALUE;
    private LocalDate day;
    private int shortUsage;
    private int dailyUsage;
    private int readShortUsage;
    private int readDailyUsage;
    private Instant blockedUntil;
    private long requestsSent;
    private long throttled;
    private long windowsUsed;
    private long lastWindowUsed = Long.MIN_VALUE;

    public RateGovernor(Clock clock, Sleeper sleeper, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("paceline.ingest.budget-share=" + share
                    + " is invalid: give a share of each rate-limit window between 0 (exclusive) and 1, e.g. 0.9");
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.share = share;
    }

    /**
     * Reserves one request, waiting for the window that allows it.
     *
     * @param maxWait null to wait as long as needed; else the longest acceptable wait
     * @throws BudgetExhaustedException when the wait would exceed {@code maxWait}
     */
    public void acquire(Duration maxWait) throws InterruptedException {
        await(maxWait, true);
    }

    /**
     * Waits, like {@link #acquire}, until a request would be allowed, without reserving it: callers wait before they
     * pick an access token, so a long wait does not end with an expired token.
     */
    public void awaitAvailable(Duration maxWait) throws InterruptedException {
        await(maxWait, false);
    }

    private void await(Duration maxWait, boolean reserve) throws InterruptedException {
        while (true) {
            Instant now;
            Instant wakeAt;
            String why;
            synchronized (this) {
                now = clock.instant();
                roll(now);
                if (blockedUntil != null && now.isBefore(blockedUntil)) {
                    wakeAt = blockedUntil;
                    why = "Strava answered 429";
                } else {
                    blockedUntil = null;
                    int shortLeft = shortRemaining();
                    int dailyLeft = dailyRemaining();
                    if (shortLeft > 0 && dailyLeft > 0) {
                        if (!reserve) {
                            return;
                        }
                        shortUsage++;
                        dailyUsage++;
                        readShortUsage++;
                        readDailyUsage++;
                        requestsSent++;
                        if (lastWindowUsed != windowIndex) {
                            lastWindowUsed = windowIndex;
                            windowsUsed++;
                        }
                        return;
                    }
                    if (dailyLeft <= 0) {
                        wakeAt = nextDay(now);
                        why = "daily budget spent";
                    } else {
                        wakeAt = nextWindow(now);
                        why = "15-minute budget spent";
                    }
                }
            }
            if (maxWait != null && Duration.between(now, wakeAt).compareTo(maxWait) > 0) {
                throw new BudgetExhaustedException(wakeAt, why);
            }
            sleeper.sleepUntil(wakeAt);
        }
    }

    /**
     * Learns limits and usage from an answer.
     *
     * @param status HTTP status of the answer
     * @param headers response headers; names in any case
     */
    public synchronized void observe(int status, Map<String, String> headers) {
        Instant now = clock.instant();
        roll(now);
        header(headers, "x-ratelimit-limit").ifPresent(v -> {
            shortLimit = v[0];
            dailyLimit = v[1];
        });
        header(headers, "x-readratelimit-limit").ifPresent(v -> {
            readShortLimit = v[0];
            readDailyLimit = v[1];
        });
        header(headers, "x-ratelimit-usage").ifPresent(v -> {
            shortUsage = Math.max(shortUsage, v[0]);
            dailyUsage = Math.max(dailyUsage, v[1]);
        });
        header(headers, "x-readratelimit-usage").ifPresent(v -> {
            readShortUsage = Math.max(readShortUsage, v[0]);
            readDailyUsage = Math.max(readDailyUsage, v[1]);
        });
        if (status == 429) {
            throttled++;
            boolean dailyOver = dailyUsage >= dailyLimit || readDailyUsage >= readDailyLimit;
            blockedUntil = dailyOver ? nextDay(now) : nextWindow(now);
        }
    }

    /** Current limits, usage and remaining budget. */
    public synchronized RateLimitSnapshot snapshot() {
        Instant now = clock.instant();
        roll(now);
        return new RateLimitSnapshot(shortLimit, dailyLimit, readShortLimit, readDailyLimit,
                shortUsage, dailyUsage, readShortUsage, readDailyUsage,
                Math.max(0, shortRemaining()), Math.max(0, dailyRemaining()),
                windowStart(now).toString(), blockedUntil == null ? null : blockedUntil.toString(),
                requestsSent, throttled);
    }

    /** Number of distinct 15-minute windows in which this governor let at least one request through. */
    public synchronized long windowsUsed() {
        return windowsUsed;
    }

    /**
     * Estimated instant at which {@code requests} more requests will have been sent, spending the budget share of
     * each window; null when nothing is left to do.
     */
    public synchronized Instant estimateCompletion(long requests) {
        if (requests <= 0) {
            return null;
        }
        Instant now = clock.instant();
        roll(now);
        long left = requests - Math.max(0, Math.min(shortRemaining(), dailyRemaining()));
        if (left <= 0) {
            return now;
        }
        int perWindow = Math.min(allowed(shortLimit), allowed(readShortLimit));
        int perDay = Math.min(allowed(dailyLimit), allowed(readDailyLimit));
        LocalDate simDay = day;
        long dayLeft = Math.max(0, dailyRemaining() - Math.max(0, Math.min(shortRemaining(), dailyRemaining())));
        Instant t = now;
        for (int i = 0; i < 1_000_000 && left > 0; i++) {
            t = nextWindow(t);
            LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
            if (!d.equals(simDay)) {
                simDay = d;
                dayLeft = perDay;
            }
            long spend = Math.min(perWindow, dayLeft);
            left -= spend;
            dayLeft -= spend;
        }
        return t;
    }

    private int shortRemaining() {
        return Math.min(allowed(shortLimit) - shortUsage, allowed(readShortLimit) - readShortUsage);
    }

    private int dailyRemaining() {
        return Math.min(allowed(dailyLimit) - dailyUsage, allowed(readDailyLimit) - readDailyUsage);
    }

    private int allowed(int limit) {
        return Math.max(1, (int) Math.floor(limit * share));
    }

    private void roll(Instant now) {
        long index = Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS);
        if (index != windowIndex) {
            windowIndex = index;
            shortUsage = 0;
            readShortUsage = 0;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            dailyUsage = 0;
            readDailyUsage = 0;
        }
    }

    static Instant windowStart(Instant now) {
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS);
    }

    static Instant nextWindow(Instant now) {
        return windowStart(now).plusSeconds(WINDOW_SECONDS);
    }

    static Instant nextDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Parses "15min,daily" (e.g. "200,2000"); absent or malformed headers are ignored. */
    private static Optional<int[]> header(Map<String, String> headers, String name) {
        String value = null;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                value = e.getValue();
                break;
            }
        }
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(",");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
