package dev.paceline.ingest.governor;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The governor's view of one Strava app's limits and usage in the current windows.
 *
 * @param shortLimit overall limit per 15 minutes
 * @param dailyLimit overall limit per UTC day
 * @param readShortLimit read limit per 15 minutes
 * @param readDailyLimit read limit per UTC day
 * @param shortUsage overall requests counted in the current 15-minute window
 * @param dailyUsage overall requests counted today
 * @param readShortUsage read requests counted in the current 15-minute window
 * @param readDailyUsage read requests counted today
 * @param shortRemaining requests this app may still send in the current 15-minute window (budget share applied)
 * @param dailyRemaining requests this app may still send today (budget share applied)
 * @param windowStart start of the current 15-minute window (ISO-8601)
 * @param blockedUntil after a 429: no request before this instant (ISO-8601), else null
 * @param requestsSent requests sent by this process since start
 * @param throttled 429 answers received since start
 */
@RegisterForReflection
@com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RateLimitSnapshot(
        int shortLimit, int dailyLimit, int readShortLimit, int readDailyLimit,
        int shortUsage, int dailyUsage, int readShortUsage, int readDailyUsage,
        int shortRemaining, int dailyRemaining,
        String windowStart, String blockedUntil, long requestsSent, long throttled) {
}
