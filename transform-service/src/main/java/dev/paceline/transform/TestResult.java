package dev.paceline.transform;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of one data test.
 *
 * @param name e.g. {@code stg_strava__activities.unique(athlete_id,activity_id)}
 * @param severity error | warn
 * @param status pass | fail (error severity: blocks publication) | warn (warn severity, failing rows) | error (the test query failed)
 * @param failures failing rows
 * @param durationMs wall time
 * @param message the query error, or null
 */
@RegisterForReflection
public record TestResult(String name, String severity, String status, long failures, long durationMs, String message) {

    /** Whether this result blocks publication. */
    public boolean blocking() {
        return status.equals("fail") || status.equals("error");
    }
}
