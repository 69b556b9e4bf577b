package dev.paceline.transform.stats;

import static dev.paceline.platform.warehouse.ColumnType.INT64;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.stats.ActivityStats;
import dev.paceline.transform.JavaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Base of the Java models that turn one activity's {@link ActivityStats} into rows. Statistics are computed in
 * parallel in chunks (pure functions), rows are emitted in activity order from the calling thread.
 *
 * <p>A model passes what describes its table (name, grain, schema, unique key, tests) to the constructor and
 * implements only {@link #rows}. Every table starts with {@code athlete_id} and {@code activity_id}: build the schema
 * with {@link #schemaOf}, the key with {@link #key} and each row with {@link #row}. Subclasses are the CDI beans
 * ({@code @Singleton}, one constructor taking the shared {@link StreamStatsCache}); this class is not one.
 */
abstract class StreamStatsModel implements JavaModel {

    private static final int CHUNK = 256;

    private final StreamStatsCache cache;
    private final String name;
    private final String grain;
    private final TableSchema schema;
    private final List<String> uniqueKey;
    private final List<String> tests;

    /**
     * @param cache the statistics shared by the stream-statistics models of one build
     * @param name table name
     * @param grain what one row is, in one line
     * @param schema the table's columns, from {@link #schemaOf}
     * @param uniqueKey the MERGE key, from {@link #key}
     * @param tests test lines in the header syntax
     */
    StreamStatsModel(StreamStatsCache cache, String name, String grain, TableSchema schema, List<String> uniqueKey,
            List<String> tests) {
        this.cache = cache;
        this.name = name;
        this.grain = grain;
        this.schema = schema;
        this.uniqueKey = uniqueKey;
        this.tests = tests;
    }

    /** Emits the rows of one activity. */
    abstract void rows(ActivityRef ref, ActivityStats stats, Consumer<Map<String, Object>> rows);

    @Override
    public String name() {
        return name;
    }

    @Override
    public String grain() {
        return grain;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public List<String> uniqueKey() {
        return uniqueKey;
    }

    @Override
    public List<String> tests() {
        return tests;
    }

    @Override
    public void compute(Lake lake, List<ActivityRef> activities, Consumer<Map<String, Object>> rows) {
        for (int from = 0; from < activities.size(); from += CHUNK) {
            List<ActivityRef> chunk = activities.subList(from, Math.min(activities.size(), from + CHUNK));
            List<Optional<ActivityStats>> stats = chunk.parallelStream().map(ref -> cache.stats(lake, ref)).toList();
            for (int i = 0; i < chunk.size(); i++) {
                ActivityRef ref = chunk.get(i);
                stats.get(i).ifPresent(s -> rows(ref, s, rows));
            }
        }
    }

    /** A new row holding the activity's {@code athlete_id} and {@code activity_id}. */
    static Map<String, Object> row(ActivityRef ref) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("athlete_id", ref.athleteId());
        row.put("activity_id", ref.activityId());
        return row;
    }

    /** The schema {@code athlete_id, activity_id} (INT64) followed by {@code extra}. */
    static TableSchema schemaOf(Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.of("athlete_id", INT64), Column.of("activity_id", INT64)));
        columns.addAll(List.of(extra));
        return new TableSchema(columns);
    }

    /** The key {@code athlete_id, activity_id} followed by {@code extra}. */
    static List<String> key(String... extra) {
        List<String> k = new ArrayList<>(List.of("athlete_id", "activity_id"));
        k.addAll(List.of(extra));
        return List.copyOf(k);
    }
}
