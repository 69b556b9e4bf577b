package dev.paceline.transform.engine;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.ColumnType;
import dev.paceline.platform.warehouse.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw tables the loader fills, one per envelope kind, addressed in models as {@code source('strava', '<table>')}.
 * Every fetched version is kept: the envelope's columns plus the ingest run that listed it and the load time.
 */
public final class Sources {

    /** Columns of one raw envelope line (platform contract RawEnvelope). */
    public static final TableSchema ENVELOPE = TableSchema.of(
            Column.of("envelope_version", ColumnType.INT64),
            Column.of("kind", ColumnType.STRING),
            Column.of("athlete_id", ColumnType.INT64),
            Column.of("object_id", ColumnType.INT64),
            Column.of("fetched_at", ColumnType.TIMESTAMP),
            Column.of("run_id", ColumnType.STRING),
            Column.of("source", ColumnType.STRING),
            Column.of("payload_sha256", ColumnType.STRING),
            Column.of("payload", ColumnType.JSON));

    /** Raw table columns: the envelope plus load metadata. */
    public static final TableSchema RAW;

    static {
        List<Column> columns = new java.util.ArrayList<>(ENVELOPE.columns());
        columns.add(Column.of("ingest_run_id", ColumnType.STRING));
        columns.add(Column.of("loaded_at", ColumnType.TIMESTAMP));
        RAW = new TableSchema(columns);
    }

    /** Envelope kind to source table name (without the {@code raw_strava__} prefix). */
    public static final Map<String, String> TABLE_BY_KIND;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("activity", "activities");
        m.put("streams", "streams");
        m.put("athlete", "athletes");
        m.put("zones", "zones");
        m.put("deletion", "deletions");
        m.put("deauthorization", "deauthorizations");
        TABLE_BY_KIND = Map.copyOf(m);
    }

    /** Kinds whose object_id is an activity id: a deleted activity's payloads. */
    public static final java.util.Set<String> ACTIVITY_KINDS = java.util.Set.of("activity", "streams");

    /** The kind kept when an athlete is forgotten: the deauthorization marker itself. */
    public static final String DEAUTHORIZATION_KIND = "deauthorization";

    private Sources() {
    }

    /** {@code raw_strava__activities} for {@code ("strava", "activities")}. */
    public static String tableName(String source, String table) {
        return "raw_" + source + "__" + table;
    }

    /** The schema of a source table, or empty when it is not one. */
    public static Optional<TableSchema> schema(String source, String table) {
        if (source.equals("strava") && TABLE_BY_KIND.containsValue(table)) {
            return Optional.of(RAW);
        }
        return Optional.empty();
    }

    /** All source tables as {@code strava.<table>}. */
    public static List<String> all() {
        return TABLE_BY_KIND.values().stream().sorted().map(t -> "strava." + t).toList();
    }
}
