package dev.paceline.transform;

import java.util.List;

/**
 * One data test declared in a model header.
 *
 * @param model the model under test
 * @param kind unique | not_null | accepted_values | relationships | expression
 * @param severity error (fails the build) or warn (reported only)
 * @param columns columns tested (unique, not_null, accepted_values, relationships)
 * @param values accepted values (accepted_values)
 * @param toModel referenced model (relationships)
 * @param toColumns referenced columns (relationships), same order as {@code columns}
 * @param expression a boolean SQL expression every row must satisfy (expression)
 */
public record DataTestSpec(
        String model,
        String kind,
        Severity severity,
        List<String> columns,
        List<String> values,
        String toModel,
        List<String> toColumns,
        String expression) {

    public enum Severity { ERROR, WARN }

    /** A stable, readable name such as {@code stg_strava__activities.unique(athlete_id,activity_id)}. */
    public String name() {
        String args = switch (kind) {
            case "expression" -> expression;
            case "accepted_values" -> String.join(",", columns) + " in " + String.join(",", values);
            case "relationships" -> String.join(",", columns) + " -> " + toModel + "(" + String.join(",", toColumns) + ")";
            default -> String.join(",", columns);
        };
        return model + "." + kind + "(" + args + ")";
    }
}
