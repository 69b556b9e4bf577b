package dev.paceline.api.query;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What a query produces before rendering, computed only when the answer is rendered (not for a 304, not when the
 * rendered bytes are cached).
 *
 * @param result computes the answer
 */
public record Answer(Supplier<Result> result) {

    /**
     * @param rows the flat form (JSON array of objects, or CSV); for single objects, their one row of scalar fields
     * @param object true for single-object endpoints (JSON: one object of the row's fields, then {@code nested})
     * @param nested arrays of rows nested in a single object, by field name (JSON only)
     * @param headers extra response headers (e.g. the next-page cursor)
     */
    public record Result(Rows rows, boolean object, Map<String, Rows> nested, Map<String, String> headers) {

        public static Result of(Rows rows) {
            return new Result(rows, false, Map.of(), Map.of());
        }

        /** A single object: {@code fields} holds its one row of scalars. */
        public static Result object(Rows fields, Map<String, Rows> nested) {
            return new Result(fields, true, nested, Map.of());
        }
    }

    public static Answer list(Supplier<Rows> rows) {
        return new Answer(() -> Result.of(rows.get()));
    }
}
