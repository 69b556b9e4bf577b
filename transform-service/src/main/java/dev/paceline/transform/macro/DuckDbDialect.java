package dev.paceline.transform.macro;

import dev.paceline.platform.warehouse.ColumnType;
import dev.paceline.platform.warehouse.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** DuckDB renderings of the macros. */
public class DuckDbDialect extends SqlDialect {

    @Override
    public boolean batchesLargeBuilds() {
        return true;
    }

    @Override
    public Dialect dialect() {
        return Dialect.DUCKDB;
    }

    @Override
    protected String columnType(ColumnType type) {
        return type.duckDbType();
    }

    @Override
    protected String arrayType(String elementType) {
        return elementType + "[]";
    }

    @Override
    protected String safeDivide(String a, String b) {
        return "(CAST(" + a + " AS DOUBLE) / NULLIF(CAST(" + b + " AS DOUBLE), 0))";
    }

    @Override
    protected String safeCast(String expression, String type) {
        return "TRY_CAST(" + expression + " AS " + type + ")";
    }

    @Override
    protected String dateDiff(String start, String end, String unit) {
        return "date_diff('" + unit + "', " + start + ", " + end + ")";
    }

    @Override
    protected String dateAdd(String date, String amount, String unit) {
        return "CAST(" + date + " + INTERVAL (" + amount + ") " + unit.toUpperCase() + " AS DATE)";
    }

    @Override
    protected String weekStart(String date) {
        return "CAST(date_trunc('week', " + date + ") AS DATE)";
    }

    @Override
    protected String dateTrunc(String date, String unit) {
        return "CAST(date_trunc('" + unit + "', " + date + ") AS DATE)";
    }

    @Override
    protected String isoDatetime(String text) {
        return "CAST(strptime(" + text + ", '%Y-%m-%dT%H:%M:%SZ') AS TIMESTAMP)";
    }

    @Override
    protected String isoTimestamp(String text) {
        return "CAST(" + text + " AS TIMESTAMPTZ)";
    }

    @Override
    protected String jsonValue(String json, String path) {
        return "json_extract_string(" + json + ", " + path + ")";
    }

    @Override
    protected String jsonQueryArray(String json, String path) {
        return "CAST(json_extract(" + json + ", " + path + ") AS JSON[])";
    }

    @Override
    protected String jsonArray(String json, String path, String type, String elementIndex) {
        if (elementIndex == null) {
            return "TRY_CAST(json_extract(" + json + ", " + path + ") AS " + type + "[])";
        }
        return "list_transform(TRY_CAST(json_extract(" + json + ", " + path + ") AS " + type + "[][]), _x -> _x["
                + (Integer.parseInt(elementIndex.trim()) + 1) + "])";
    }

    /**
     * Parses each document once with {@code from_json} into a struct of typed lists (a dozen {@code json_extract}
     * calls would parse a stream payload a dozen times, and hold every parse of a 2,048-row vector in memory).
     * Like TRY_CAST, a value of the wrong type becomes NULL.
     */
    @Override
    protected String jsonArrays(String relation, List<String> keep, String json, List<JsonArray> arrays) {
        Map<String, Object> structure = new LinkedHashMap<>();
        for (JsonArray a : arrays) {
            Map<String, Object> node = structure;
            for (int i = 0; i < a.segments().size() - 1; i++) {
                Object child = node.computeIfAbsent(a.segments().get(i), k -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map<?, ?>)) {
                    throw new MacroException("json_arrays(): path $." + String.join(".", a.segments()) + " crosses an array of another path");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                node = next;
            }
            String leaf = a.segments().get(a.segments().size() - 1);
            String element = "[\"" + a.type() + "\"]";
            String shape = a.elementIndex() == null ? element : "[" + element + "]";
            Object previous = node.putIfAbsent(leaf, shape);
            if (previous != null && !previous.equals(shape)) {
                throw new MacroException("json_arrays(): path $." + String.join(".", a.segments()) + " is read with two types");
            }
        }
        List<String> select = new ArrayList<>(keep);
        for (JsonArray a : arrays) {
            String access = "_json." + a.segments().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining("."));
            select.add((a.elementIndex() == null ? access : "list_transform(" + access + ", _x -> _x[" + (a.elementIndex() + 1) + "])")
                    + " AS " + a.name());
        }
        return "SELECT " + String.join(", ", select) + " FROM (SELECT " + (keep.isEmpty() ? "" : String.join(", ", keep) + ", ")
                + "from_json(" + json + ", '" + structureJson(structure) + "') AS _json FROM " + relation + ") AS _json_arrays";
    }

    private static String structureJson(Map<String, Object> node) {
        return node.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Map<?, ?> m ? structureJson(castMap(m)) : e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @Override
    protected String unnestWithOffset(String array, String element, String offset) {
        return "LATERAL (SELECT _u." + element + ", _u._ord - 1 AS " + offset + " FROM unnest(" + array
                + ") WITH ORDINALITY AS _u(" + element + ", _ord)) AS _unnest_" + element;
    }

    @Override
    protected String unnestZip(String relation, List<String> keep, List<String> arrays, List<String> names, String offset) {
        List<String> select = new ArrayList<>(keep);
        for (int i = 0; i < arrays.size(); i++) {
            select.add("UNNEST(" + arrays.get(i) + ") AS " + names.get(i));
        }
        select.add("generate_subscripts(" + arrays.get(0) + ", 1) - 1 AS " + offset);
        return "SELECT " + String.join(", ", select) + " FROM " + relation;
    }

    @Override
    protected String dateSpine(String start, String end, String column) {
        return "(SELECT CAST(_g.d AS DATE) AS " + column + " FROM generate_series(CAST(" + start + " AS TIMESTAMP), CAST("
                + end + " AS TIMESTAMP), INTERVAL 1 DAY) AS _g(d))";
    }

    @Override
    protected String arrayLength(String array) {
        return "len(" + array + ")";
    }

    @Override
    protected String arrayAt(String array, String offset) {
        return "(" + array + ")[(" + offset + ") + 1]";
    }

    @Override
    protected String regexpContains(String text, String pattern) {
        return "regexp_matches(" + text + ", " + pattern + ")";
    }

    @Override
    protected String boolOr(String expression) {
        return "bool_or(" + expression + ")";
    }

    @Override
    protected String currentTimestamp() {
        return "current_timestamp";
    }

    @Override
    public String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    protected String quoteIdentifier(String name) {
        return "\"" + name + "\"";
    }
}
