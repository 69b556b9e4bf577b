package dev.paceline.transform;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.RowAppender;
import dev.paceline.platform.warehouse.TableSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables whose rows are computed in Java from lake objects in <b>one pass</b> over the changed activities (for
 * example the per-activity stream statistics, cheaper in one pass over a stream than in SQL). Each of
 * {@link #tables()} is a node of the model DAG that SQL models {@code ref()} by name; the engine builds them together
 * when the first is due: it picks the activities from {@code stg_strava__activities} (all of them on a full build,
 * the changed ones otherwise), calls {@link #compute} once with one {@link RowAppender} per table, writing straight
 * into the warehouse, and then replaces each table (full build) or MERGEs its rows by the table's unique key, deleting
 * rows of changed activities that the computation no longer produces.
 *
 * <p>Register an implementation as an {@code @ApplicationScoped} CDI bean; {@code JavaModelRegistry} collects them
 * at build time (no classpath scanning).
 */
public interface JavaModel {

    /** The tables one pass writes, each a node of the DAG. */
    List<Table> tables();

    /** Other models or seeds it needs built first (besides {@code stg_strava__activities}). */
    default Set<String> refs() {
        return Set.of();
    }

    /**
     * Computes the rows of {@code activities}, appending each table's rows to {@code out.get(table name)} in the order
     * of its schema's columns. Activities without a streams object still appear with {@link ActivityRef#streamsPath()}
     * pointing to a missing object: emit what can be computed, or nothing.
     */
    void compute(Lake lake, List<ActivityRef> activities, Map<String, RowAppender> out);

    /**
     * One table written by a Java model.
     *
     * @param name table name, e.g. {@code int_activity_stream_stats}
     * @param grain what one row is, in one line
     * @param schema the columns; must start with {@code athlete_id} and {@code activity_id} (INT64)
     * @param uniqueKey the MERGE key, e.g. {@code [athlete_id, activity_id, duration_s]}
     * @param tests test lines in the header syntax, e.g. {@code "unique: athlete_id, activity_id"} (docs/models.md)
     */
    record Table(String name, String grain, TableSchema schema, List<String> uniqueKey, List<String> tests) {
        public Table {
            uniqueKey = List.copyOf(uniqueKey);
            tests = List.copyOf(tests);
        }
    }

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
