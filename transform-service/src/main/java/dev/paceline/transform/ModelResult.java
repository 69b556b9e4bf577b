package dev.paceline.transform;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What building one model did.
 *
 * @param model name
 * @param materialization view | table | incremental | seed
 * @param mode full (created or replaced) | incremental (merged) | skipped (no changes) | failed
 * @param rows rows in the relation after the build (-1 for views, not counted)
 * @param durationMs wall time
 * @param error the failure, or null
 */
@RegisterForReflection
public record ModelResult(String model, String materialization, String mode, long rows, long durationMs, String error) {
}
