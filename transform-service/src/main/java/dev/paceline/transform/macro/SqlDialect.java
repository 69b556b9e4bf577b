package dev.paceline.transform.macro;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.ColumnType;
import dev.paceline.platform.warehouse.Dialect;
import dev.paceline.platform.warehouse.TableSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything that differs between the warehouses: the macros models call ({@code {{ safe_divide('a', 'b') }}}) and
 * the statements the engine issues (views, tables, MERGE). One subclass per {@link Dialect}; models never branch on
 * the dialect themselves. docs/models.md lists every macro with both renderings.
 */
public abstract class SqlDialect {

    private final Map<String, Macro> macros = new LinkedHashMap<>();

    protected SqlDialect() {
        macro("safe_divide", a -> safeDivide(a.sql(0, "numerator"), a.sql(1, "denominator")));
        macro("cast", a -> "CAST(" + a.sql(0, "expression") + " AS " + type(a.sql(1, "type")) + ")");
        macro("safe_cast", a -> safeCast(a.sql(0, "expression"), type(a.sql(1, "type"))));
        macro("type", a -> type(a.sql(0, "type")));
        macro("date_diff", a -> dateDiff(a.sql(0, "start"), a.sql(1, "end"), unit(a, 2, List.of("day", "month", "year"))));
        macro("date_add", a -> dateAdd(a.sql(0, "date"), a.sql(1, "amount"), unit(a, 2, List.of("day", "month", "year"))));
        macro("week_start", a -> weekStart(a.sql(0, "date")));
        macro("date_trunc", a -> dateTrunc(a.sql(0, "date"), unit(a, 1, List.of("week", "month", "year"))));
        macro("iso_datetime", a -> isoDatetime(a.sql(0, "text")));
        macro("iso_timestamp", a -> isoTimestamp(a.sql(0, "text")));
        macro("local_date", a -> "CAST(SUBSTR(" + a.sql(0, "text") + ", 1, 10) AS DATE)");
        macro("json_value", a -> jsonValue(a.sql(0, "json"), path(a, 1)));
        macro("json_number", a -> safeCast(jsonValue(a.sql(0, "json"), path(a, 1)), type("FLOAT64")));
        macro("json_int", a -> safeCast(jsonValue(a.sql(0, "json"), path(a, 1)), type("INT64")));
        macro("json_bool", a -> safeCast(jsonValue(a.sql(0, "json"), path(a, 1)), type("BOOL")));
        macro("json_query_array", a -> jsonQueryArray(a.sql(0, "json"), path(a, 1)));
        macro("json_array", a -> jsonArray(a.sql(0, "json"), path(a, 1), type(a.sql(2, "type")),
                a.sqlOr(3, "element_index", null)));
        macro("json_arrays", a -> {
            List<String> paths = a.list(3, "paths");
            List<String> types = a.list(4, "types");
            List<String> names = a.list(5, "names");
            if (paths.isEmpty() || paths.size() != types.size() || paths.size() != names.size()) {
                throw new MacroException("json_arrays(): 'paths', 'types' and 'names' need the same, non-zero number of entries");
            }
            List<JsonArray> arrays = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                arrays.add(JsonArray.parse(paths.get(i), type(types.get(i)), names.get(i)));
            }
            return jsonArrays(a.sql(0, "relation"), a.list(1, "keep"), a.sql(2, "json"), arrays);
        });
        macro("unnest_with_offset", a -> unnestWithOffset(a.sql(0, "array"), a.sql(1, "element"), a.sql(2, "offset")));
        macro("unnest_zip", a -> {
            List<String> arrays = a.list(2, "arrays");
            List<String> names = a.list(3, "names");
            if (arrays.size() != names.size() || arrays.isEmpty()) {
                throw new MacroException("unnest_zip(): 'arrays' and 'names' need the same, non-zero number of entries");
            }
            return unnestZip(a.sql(0, "relation"), a.list(1, "keep"), arrays, names, a.sql(4, "offset"));
        });
        macro("date_spine", a -> dateSpine(a.sql(0, "start"), a.sql(1, "end"), a.sqlOr(2, "column", "day")));
        macro("array_length", a -> arrayLength(a.sql(0, "array")));
        macro("array_at", a -> arrayAt(a.sql(0, "array"), a.sql(1, "offset")));
        macro("regexp_contains", a -> regexpContains(a.sql(0, "text"), a.sql(1, "pattern")));
        macro("bool_or", a -> boolOr(a.sql(0, "expression")));
        macro("current_timestamp", a -> currentTimestamp());
        macro("ident", a -> quoteIdentifier(identifier(a.sql(0, "name"))));
    }

    /** Adds or replaces a macro (tests use this to break one on purpose). */
    public final void macro(String name, Macro macro) {
        macros.put(name, macro);
    }

    public final Map<String, Macro> macros() {
        return Collections.unmodifiableMap(macros);
    }

    public abstract Dialect dialect();

    /** A column type named as BigQuery names it ({@link ColumnType}), in this dialect. */
    public String type(String bigQueryName) {
        ColumnType t;
        try {
            t = ColumnType.valueOf(bigQueryName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MacroException("type '" + bigQueryName + "' is not one of " + List.of(ColumnType.values()));
        }
        return columnType(t);
    }

    protected abstract String columnType(ColumnType type);

    protected abstract String arrayType(String elementType);

    protected abstract String safeDivide(String a, String b);

    protected abstract String safeCast(String expression, String type);

    protected abstract String dateDiff(String start, String end, String unit);

    protected abstract String dateAdd(String date, String amount, String unit);

    protected abstract String weekStart(String date);

    protected abstract String dateTrunc(String date, String unit);

    protected abstract String isoDatetime(String text);

    protected abstract String isoTimestamp(String text);

    protected abstract String jsonValue(String json, String path);

    protected abstract String jsonQueryArray(String json, String path);

    protected abstract String jsonArray(String json, String path, String type, String elementIndex);

    /**
     * One array pulled out of a JSON document by {@code json_arrays()}.
     *
     * @param segments the object keys of the path {@code $.a.b}, in order
     * @param elementIndex for a path ending in {@code [*][i]}: the i-th item of every element (an array of arrays)
     * @param type the element type in this dialect
     * @param name the output column
     */
    protected record JsonArray(List<String> segments, Integer elementIndex, String type, String name) {

        static JsonArray parse(String path, String type, String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)(?:\\[\\*]\\[(\\d+)])?")
                    .matcher(path.strip());
            if (!m.matches()) {
                throw new MacroException("json_arrays(): path '" + path + "' must be '$.key.key' with plain keys, optionally "
                        + "ending in '[*][i]' for the i-th item of each element, e.g. '$.latlng.data[*][0]'");
            }
            if (!name.strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new MacroException("json_arrays(): name '" + name + "' is not a plain column name");
            }
            return new JsonArray(List.of(m.group(1).substring(1).split("\\.")), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                    type, name.strip());
        }

        /** The path without the element selection, as a quoted JSONPath literal. */
        String pathLiteral() {
            return "'$." + String.join(".", segments) + "'";
        }
    }

    /**
     * {@code SELECT keep…, <array> AS name… FROM relation}: each array extracted by {@link #jsonArray}. Dialects that
     * can parse the document once for all arrays override this.
     */
    protected String jsonArrays(String relation, List<String> keep, String json, List<JsonArray> arrays) {
        List<String> select = new ArrayList<>(keep);
        for (JsonArray a : arrays) {
            select.add(jsonArray(json, a.pathLiteral(), a.type(), a.elementIndex() == null ? null : a.elementIndex().toString())
                    + " AS " + a.name());
        }
        return "SELECT " + String.join(", ", select) + " FROM " + relation;
    }

    protected abstract String unnestWithOffset(String array, String element, String offset);

    protected abstract String unnestZip(String relation, List<String> keep, List<String> arrays, List<String> names, String offset);

    protected abstract String dateSpine(String start, String end, String column);

    protected abstract String arrayLength(String array);

    protected abstract String arrayAt(String array, String offset);

    protected abstract String regexpContains(String text, String pattern);

    protected abstract String boolOr(String expression);

    protected abstract String currentTimestamp();

    /** A column name quoted for the dialect, for names that are reserved words (e.g. {@code window}). */
    protected abstract String quoteIdentifier(String name);

    private static String identifier(String quoted) {
        String n = quoted.strip();
        if (n.length() >= 2 && (n.startsWith("'") && n.endsWith("'") || n.startsWith("\"") && n.endsWith("\""))) {
            n = n.substring(1, n.length() - 1);
        }
        if (!n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new MacroException("ident(): '" + quoted + "' is not a plain column name (letters, digits, _)");
        }
        return n;
    }

    // ---- statements the engine issues ----

    public String createView(String qualified, String select) {
        return "CREATE OR REPLACE VIEW " + qualified + " AS\n" + select;
    }

    public String createTableAs(String qualified, String select) {
        return "CREATE OR REPLACE TABLE " + qualified + " AS\n" + select;
    }

    public String createTableIfMissing(String qualified, TableSchema schema) {
        return "CREATE TABLE IF NOT EXISTS " + qualified + " (\n  " + columns(schema) + "\n)";
    }

    public String createOrReplaceTable(String qualified, TableSchema schema) {
        return "CREATE OR REPLACE TABLE " + qualified + " (\n  " + columns(schema) + "\n)";
    }

    private String columns(TableSchema schema) {
        List<String> cols = new ArrayList<>();
        for (Column c : schema.columns()) {
            String t = columnType(c.type());
            cols.add(c.name() + " " + (c.repeated() ? arrayType(t) : t));
        }
        return String.join(",\n  ", cols);
    }

    /** Upserts {@code source} into {@code target} by {@code keys}. Aliases cannot clash with model columns (t, s…). */
    public String merge(String target, String source, List<String> keys, List<String> columns) {
        String on = keys.stream().map(k -> "_tgt." + k + " = _src." + k).collect(Collectors.joining(" AND "));
        List<String> updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = _src." + c).toList();
        StringBuilder sql = new StringBuilder("MERGE INTO " + target + " AS _tgt\nUSING " + source + " AS _src\nON " + on);
        if (!updates.isEmpty()) {
            sql.append("\nWHEN MATCHED THEN UPDATE SET ").append(String.join(", ", updates));
        }
        sql.append("\nWHEN NOT MATCHED THEN INSERT (").append(String.join(", ", columns)).append(")\nVALUES (")
                .append(columns.stream().map(c -> "_src." + c).collect(Collectors.joining(", "))).append(")");
        return sql.toString();
    }

    /**
     * Deletes the target rows of changed activities (or whole changed athletes: activity_id null) that the new
     * increment does not contain: tombstoned activities and rows that disappeared.
     */
    public String deleteVanished(String target, String increment, String changed, List<String> keys) {
        String match = keys.stream().map(k -> "_src." + k + " = _tgt." + k).collect(Collectors.joining(" AND "));
        return "DELETE FROM " + target + " AS _tgt\nWHERE " + inChanged(changed, "_tgt.athlete_id", "_tgt.activity_id") + "\n"
                + "AND NOT EXISTS (SELECT 1 FROM " + increment + " AS _src WHERE " + match + ")";
    }

    /**
     * Deletes the rows of {@code target} that belong to forgotten athletes or activities. {@code forgotten} holds
     * (athlete_id, activity_id, since): activity_id null forgets the whole athlete; otherwise the activity's rows go (in
     * a raw table, whose {@code activityColumn} is object_id, only the versions fetched up to {@code since}, so a
     * version Strava served after the tombstone stays).
     *
     * @param activityColumn the target's activity column, or null when it has none (only whole athletes are forgotten)
     * @param versionColumn the target's fetch time (raw tables), or null
     */
    public String deleteForgotten(String target, String forgotten, String activityColumn, String versionColumn) {
        String athlete = "EXISTS (SELECT 1 FROM " + forgotten + " AS _fgt WHERE _fgt.athlete_id = _tgt.athlete_id"
                + " AND _fgt.activity_id IS NULL)";
        if (activityColumn == null) {
            return "DELETE FROM " + target + " AS _tgt\nWHERE " + athlete;
        }
        return "DELETE FROM " + target + " AS _tgt\nWHERE " + athlete + "\nOR EXISTS (SELECT 1 FROM " + forgotten
                + " AS _fgt WHERE _fgt.athlete_id = _tgt.athlete_id AND _fgt.activity_id = _tgt." + activityColumn
                + (versionColumn == null ? "" : " AND _tgt." + versionColumn + " <= _fgt.since") + ")";
    }

    /** What a unique test groups by: the columns (BigQuery cannot group FLOAT64, so it groups their JSON text). */
    public String groupingKey(List<String> columns) {
        return String.join(", ", columns);
    }

    /** A predicate: the row's activity was changed in this build (or its athlete was). */
    /** {@code ALTER TABLE … RENAME TO …}: the new name is unqualified (same dataset or schema). */
    public String renameTable(String qualified, String newName) {
        return "ALTER TABLE " + qualified + " RENAME TO " + quoteIdentifier(newName);
    }

    /**
     * Whether models configured with {@code batch_seconds} build large sets of activities in batches: DuckDB
     * runs in a laptop's or a pod's memory; BigQuery scales out, and would bill a scan of the source per batch.
     */
    public abstract boolean batchesLargeBuilds();

    public String inChanged(String changed, String athleteColumn, String activityColumn) {
        // Two equality semi-joins rather than one with "activity_id IS NULL OR …": the OR defeats the hash join, and
        // a nested loop over a table of large payloads costs seconds.
        return "(EXISTS (SELECT 1 FROM " + changed + " AS _chg WHERE _chg.athlete_id = " + athleteColumn
                + " AND _chg.activity_id = " + activityColumn + ") OR EXISTS (SELECT 1 FROM " + changed
                + " AS _chg WHERE _chg.athlete_id = " + athleteColumn + " AND _chg.activity_id IS NULL))";
    }

    /** A SQL string literal. */
    public String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String unit(Macro.Args a, int index, List<String> allowed) {
        String u = a.sqlOr(index, "unit", "day").trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(u)) {
            throw new MacroException(a.macro() + "(): unit '" + u + "' is not one of " + allowed);
        }
        return u;
    }

    private static String path(Macro.Args a, int index) {
        String p = a.sql(index, "path");
        if (!p.startsWith("$")) {
            throw new MacroException(a.macro() + "(): path '" + p + "' must be a JSONPath starting with '$', e.g. '$.name'");
        }
        if (p.contains("'")) {
            throw new MacroException(a.macro() + "(): path '" + p + "' must not contain quotes");
        }
        return "'" + p + "'";
    }

    /** The dialect for a warehouse. */
    public static SqlDialect of(Dialect dialect) {
        return dialect == Dialect.BIGQUERY ? new BigQueryDialect() : new DuckDbDialect();
    }
}
