package dev.paceline.platform.testing.googlesql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBStruct;

/**
 * Reads DuckDB JDBC results into the same normalised form as {@link GoogleSql#execute}, so that a model's DuckDB
 * and BigQuery renderings can be compared with {@link RowsComparison}.
 *
 * <p>Mapping: integer types (incl. {@code HUGEINT} when it fits) → {@link Long}; {@code DOUBLE}/{@code FLOAT} →
 * {@link Double}; {@code DECIMAL} → {@link BigDecimal} without trailing zeros; {@code VARCHAR} → {@link String}; {@code BOOLEAN} →
 * {@link Boolean}; {@code DATE} → {@link LocalDate}; {@code TIMESTAMP} (BigQuery {@code DATETIME}) →
 * {@link LocalDateTime}; {@code TIMESTAMPTZ} (BigQuery {@code TIMESTAMP}) → {@link java.time.Instant};
 * {@code TIME} → {@link LocalTime}; {@code JSON} → canonical JSON text; {@code BLOB} → {@code byte[]};
 * lists → {@link List}; structs → {@link Map} by field name; {@code UUID} → {@link String}.
 */
public final class DuckDbRows {

  private DuckDbRows() {
  }

  /** Runs a query with bound parameters and normalises its rows. */
  public static QueryRows query(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet resultSet = statement.executeQuery()) {
        return normalise(resultSet);
      }
    }
  }

  /**
   * All rows of a DuckDB table (e.g. {@code "stg.daily_power"}), with its columns mapped to BigQuery types: the way
   * to give the reference engine the very fixture a DuckDB test loaded.
   *
   * <pre>{@code
   * QueryRows fixture = DuckDbRows.table(duck, "stg.daily_power");
   * GoogleSql bq = GoogleSql.builder().table("stg.daily_power", fixture.columns()).build();
   * bq.execute(sql, Map.of("stg.daily_power", fixture.rows()));
   * }</pre>
   */
  public static QueryRows table(Connection connection, String tableName) throws SQLException {
    StringBuilder quoted = new StringBuilder();
    for (String part : TableCatalog.path(tableName)) {
      quoted.append(quoted.isEmpty() ? "" : ".").append('"').append(part.replace("\"", "\"\"")).append('"');
    }
    return query(connection, "SELECT * FROM " + quoted);
  }

  /** Reads the remaining rows of a result set; the caller closes it. */
  public static QueryRows normalise(ResultSet resultSet) throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    int count = meta.getColumnCount();
    List<Column> columns = new ArrayList<>(count);
    List<String> duckTypes = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String duckType = meta.getColumnTypeName(i);
      duckTypes.add(duckType);
      columns.add(new Column(meta.getColumnLabel(i), bigQueryType(duckType)));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        row.add(normaliseValue(resultSet.getObject(i), duckTypes.get(i - 1)));
      }
      rows.add(row);
    }
    return new QueryRows(columns, rows);
  }

  /** One DuckDB JDBC value in the harness's normalised form; {@code duckType} is DuckDB's type name. */
  public static Object normaliseValue(Object value, String duckType) throws SQLException {
    if (value == null) {
      return null;
    }
    String type = duckType == null ? "" : duckType.trim().toUpperCase(Locale.ROOT);
    if (type.equals("JSON")) {
      return Json.canonical(value.toString());
    }
    if (value instanceof BigDecimal decimal) {
      return Values.normalise(decimal);
    }
    if (value instanceof Long || value instanceof Double || value instanceof Boolean
        || value instanceof String || value instanceof LocalDate || value instanceof LocalDateTime
        || value instanceof LocalTime) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < Long.SIZE ? (Object) big.longValueExact() : big;
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return type.contains("TIME ZONE") || type.equals("TIMESTAMPTZ") ? timestamp.toInstant()
          : timestamp.toLocalDateTime();
    }
    if (value instanceof java.sql.Time time) {
      return time.toLocalTime();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof UUID uuid) {
      return uuid.toString();
    }
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof Blob blob) {
      return blob.getBytes(1, (int) blob.length());
    }
    if (value instanceof Array array) {
      Object[] elements = (Object[]) array.getArray();
      String elementType = elementType(type);
      List<Object> list = new ArrayList<>(elements.length);
      for (Object element : elements) {
        list.add(normaliseValue(element, elementType));
      }
      return Collections.unmodifiableList(list);
    }
    if (value instanceof DuckDBStruct struct) {
      Map<String, String> fieldTypes = structFieldTypes(type);
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Map.Entry<String, Object> entry : struct.getMap().entrySet()) {
        fields.put(entry.getKey(), normaliseValue(entry.getValue(), fieldTypes.get(entry.getKey().toUpperCase(Locale.ROOT))));
      }
      return Collections.unmodifiableMap(fields);
    }
    if (value instanceof Struct struct) {
      Object[] attributes = struct.getAttributes();
      Map<String, Object> fields = new LinkedHashMap<>();
      for (int i = 0; i < attributes.length; i++) {
        fields.put("_field_" + (i + 1), normaliseValue(attributes[i], null));
      }
      return Collections.unmodifiableMap(fields);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        fields.put(String.valueOf(entry.getKey()), normaliseValue(entry.getValue(), null));
      }
      return Collections.unmodifiableMap(fields);
    }
    return value.toString();
  }

  /**
   * The BigQuery type closest to a DuckDB type name ({@code BIGINT} → {@code INT64}, {@code TIMESTAMP} →
   * {@code DATETIME}, {@code VARCHAR[]} → {@code ARRAY<STRING>}); DuckDB's own name when there is none.
   */
  public static String bigQueryType(String duckType) {
    String type = duckType == null ? "" : duckType.trim();
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.endsWith("[]")) {
      return "ARRAY<" + bigQueryType(type.substring(0, type.length() - 2)) + ">";
    }
    if (upper.startsWith("STRUCT(") && upper.endsWith(")")) {
      List<String> fields = new ArrayList<>();
      for (String field : splitTopLevel(type.substring(7, type.length() - 1))) {
        String trimmed = field.trim();
        int space = nameEnd(trimmed);
        fields.add(unquote(trimmed.substring(0, space)) + " " + bigQueryType(trimmed.substring(space).trim()));
      }
      return "STRUCT<" + String.join(", ", fields) + ">";
    }
    if (upper.startsWith("DECIMAL") || upper.startsWith("NUMERIC")) {
      return "NUMERIC";
    }
    return switch (upper) {
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT", "UBIGINT", "UINTEGER", "USMALLINT", "UTINYINT",
          "INT8", "INT4", "INT2", "INT" -> "INT64";
      case "DOUBLE", "FLOAT", "REAL", "FLOAT8", "FLOAT4" -> "FLOAT64";
      case "VARCHAR", "TEXT", "STRING" -> "STRING";
      case "BOOLEAN", "BOOL" -> "BOOL";
      case "DATE" -> "DATE";
      case "TIMESTAMP", "DATETIME", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S" -> "DATETIME";
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> "TIMESTAMP";
      case "TIME" -> "TIME";
      case "JSON" -> "JSON";
      case "BLOB", "BYTEA" -> "BYTES";
      case "INTERVAL" -> "INTERVAL";
      default -> type;
    };
  }

  private static String elementType(String listType) {
    return listType.endsWith("[]") ? listType.substring(0, listType.length() - 2) : null;
  }

  private static Map<String, String> structFieldTypes(String structType) {
    Map<String, String> types = new LinkedHashMap<>();
    if (structType.startsWith("STRUCT(") && structType.endsWith(")")) {
      for (String field : splitTopLevel(structType.substring(7, structType.length() - 1))) {
        String trimmed = field.trim();
        int space = nameEnd(trimmed);
        types.put(unquote(trimmed.substring(0, space)).toUpperCase(Locale.ROOT), trimmed.substring(space).trim());
      }
    }
    return types;
  }

  private static int nameEnd(String field) {
    if (field.startsWith("\"")) {
      int close = field.indexOf('"', 1);
      return close < 0 ? field.length() : close + 1;
    }
    int space = field.indexOf(' ');
    return space < 0 ? field.length() : space;
  }

  private static String unquote(String name) {
    return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
        ? name.substring(1, name.length() - 1) : name;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }
}
