package dev.paceline.api;

import dev.paceline.api.service.LoadedMart;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a query produces before rendering. Computed only on a cache miss; its serialized form is cached on
 * {@code owner} under the build id, format and {@code key}.
 *
 * @param owner the loaded mart the answer is cached with
 * @param key canonical query (parsed parameters), unique per endpoint
 * @param result computes the answer
 */
public record Answer(LoadedMart owner, String key, Supplier<Result> result) {

    /**
     * @param rows the flat form (JSON array of objects, or CSV)
     * @param jsonObject for single-object endpoints, the JSON object (rows then hold its one-row CSV form); else null
     * @param headers extra response headers (e.g. the next-page cursor)
     */
    public record Result(Rows rows, byte[] jsonObject, Map<String, String> headers) {

        public static Result of(Rows rows) {
            return new Result(rows, null, Map.of());
        }
    }

    public static Answer list(LoadedMart owner, String key, Supplier<Rows> rows) {
        return new Answer(owner, key, () -> Result.of(rows.get()));
    }
}
