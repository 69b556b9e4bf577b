package dev.paceline.transform.macro;

import dev.paceline.platform.warehouse.ColumnType;
import dev.paceline.platform.warehouse.Dialect;
import java.util.ArrayList;
import java.util.List;

/** BigQuery (GoogleSQL) renderings of the macros. */
public class BigQueryDialect extends SqlDialect {

    @Override
    public boolean batchesLargeBuilds() {
        return false;
    }

    @Override
    public Dialect dialect() {
        return Dialect.BIGQUERY;
    }

    @Override
    protected String columnType(ColumnType type) {
        return type.bigQueryType();
    }

    @Override
    protected String arrayType(String elementType) {
        return "ARRAY<" + elementType + ">";
    }

    @Override
    protected String safeDivide(String a, String b) {
        return "SAFE_DIVIDE(" + a + ", " + b + ")";
    }

    @Override
    protected String safeCast(String expression, String type) {
        return "SAFE_CAST(" + expression + " AS " + type + ")";
    }

    @Override
    protected String dateDiff(String start, String end, String unit) {
        return "DATE_DIFF(" + end + ", " + start + ", " + unit.toUpperCase() + ")";
    }

    @Override
    protected String dateAdd(String date, String amount, String unit) {
        return "DATE_ADD(" + date + ", INTERVAL " + amount + " " + unit.toUpperCase() + ")";
    }

    @Override
    protected String weekStart(String date) {
        return "DATE_TRUNC(" + date + ", WEEK(MONDAY))";
    }

    @Override
    protected String dateTrunc(String date, String unit) {
        return "DATE_TRUNC(" + date + ", " + (unit.equals("week") ? "WEEK(MONDAY)" : unit.toUpperCase()) + ")";
    }

    @Override
    protected String isoDatetime(String text) {
        return "PARSE_DATETIME('%Y-%m-%dT%H:%M:%SZ', " + text + ")";
    }

    @Override
    protected String isoTimestamp(String text) {
        return "TIMESTAMP(" + text + ")";
    }

    @Override
    protected String jsonValue(String json, String path) {
        return "JSON_VALUE(" + json + ", " + path + ")";
    }

    @Override
    protected String jsonQueryArray(String json, String path) {
        return "JSON_QUERY_ARRAY(" + json + ", " + path + ")";
    }

    @Override
    protected String jsonArray(String json, String path, String type, String elementIndex) {
        if (elementIndex == null) {
            return "ARRAY(SELECT SAFE_CAST(_v AS " + type + ") FROM UNNEST(JSON_VALUE_ARRAY(" + json + ", " + path
                    + ")) AS _v WITH OFFSET AS _o ORDER BY _o)";
        }
        return "ARRAY(SELECT SAFE_CAST(JSON_VALUE(_v, '$[" + Integer.parseInt(elementIndex.trim()) + "]') AS " + type
                + ") FROM UNNEST(JSON_QUERY_ARRAY(" + json + ", " + path + ")) AS _v WITH OFFSET AS _o ORDER BY _o)";
    }

    @Override
    protected String unnestWithOffset(String array, String element, String offset) {
        return "UNNEST(" + array + ") AS " + element + " WITH OFFSET AS " + offset;
    }

    @Override
    protected String unnestZip(String relation, List<String> keep, List<String> arrays, List<String> names, String offset) {
        List<String> select = new ArrayList<>();
        keep.forEach(k -> select.add("_r." + k));
        select.add(names.get(0));
        for (int i = 1; i < arrays.size(); i++) {
            select.add("_r." + arrays.get(i) + "[SAFE_OFFSET(" + offset + ")] AS " + names.get(i));
        }
        select.add(offset);
        return "SELECT " + String.join(", ", select) + " FROM " + relation + " AS _r CROSS JOIN UNNEST(_r." + arrays.get(0)
                + ") AS " + names.get(0) + " WITH OFFSET AS " + offset;
    }

    @Override
    protected String dateSpine(String start, String end, String column) {
        return "(SELECT " + column + " FROM UNNEST(GENERATE_DATE_ARRAY(" + start + ", " + end + ")) AS " + column + ")";
    }

    @Override
    protected String arrayLength(String array) {
        return "ARRAY_LENGTH(" + array + ")";
    }

    @Override
    protected String arrayAt(String array, String offset) {
        return "(" + array + ")[SAFE_OFFSET(" + offset + ")]";
    }

    @Override
    protected String regexpContains(String text, String pattern) {
        return "REGEXP_CONTAINS(" + text + ", " + pattern + ")";
    }

    @Override
    protected String boolOr(String expression) {
        return "LOGICAL_OR(" + expression + ")";
    }

    @Override
    public String groupingKey(List<String> columns) {
        return "TO_JSON_STRING(STRUCT(" + String.join(", ", columns) + "))";
    }

    @Override
    protected String currentTimestamp() {
        return "CURRENT_TIMESTAMP()";
    }

    @Override
    protected String quoteIdentifier(String name) {
        return "`" + name + "`";
    }
}
