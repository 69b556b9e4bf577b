package dev.paceline.transform;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A model whose rows are computed in Java from lake objects, for the changed activities only (for example per-activity
 * stream statistics that are cheaper in one pass over the stream than in SQL). The engine picks the activities from
 * {@code stg_strava__activities} (all of them on a full build, the changed ones otherwise), calls
 * {@link #compute}, loads the rows into {@code <name>__incr} and MERGEs them into {@code <name>} by
 * {@link #uniqueKey()}, deleting rows of changed activities that the computation no longer produces.
 *
 * <p>Register an implementation as an {@code @ApplicationScoped} CDI bean; {@link JavaModelRegistry} collects them
 * at build time (no classpath scanning). Downstream SQL models {@code ref()} it by {@link #name()}.
 */
public interface JavaModel {

    /** Table name, e.g. {@code int_activity_stream_stats}. */
    String name();

    /** What one row is, in one line. */
    String grain();

    /** The table's columns; must include {@code athlete_id} and {@code activity_id} (INT64). */
    TableSchema schema();

    /** The MERGE key, e.g. {@code [athlete_id, activity_id, duration_s]}. */
    List<String> uniqueKey();

    /** Other models or seeds it needs built first (besides {@code stg_strava__activities}). */
    default Set<String> refs() {
        return Set.of();
    }

    /** Test lines in the header syntax, e.g. {@code "unique: athlete_id, activity_id"} (docs/models.md). */
    default List<String> tests() {
        return List.of();
    }

    /**
     * Computes the rows of {@code activities}; emits each row (column name to value: Long, Double, String, Boolean,
     * LocalDate, List) to {@code rows}. Activities without a streams object still appear with
     * {@link ActivityRef#streamsPath()} pointing to a missing object: emit what can be computed, or nothing.
     */
    void compute(Lake lake, List<ActivityRef> activities, Consumer<Map<String, Object>> rows);

    /**
     * An activity to compute.
     *
     * @param athleteId owner
     * @param activityId Strava activity id
     * @param streamsPath lake path of its raw streams envelope (may not exist)
     * @param activityPath lake path of its raw activity envelope
     */
    record ActivityRef(long athleteId, long activityId, String streamsPath, String activityPath) {
    }
}
