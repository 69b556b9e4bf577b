package dev.paceline.platform.testing.googlesql;

import com.google.zetasql.StructType.StructField;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLType.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses BigQuery type names ({@code INT64}, {@code NUMERIC(10, 2)}, {@code ARRAY<STRUCT<a INT64, b STRING>>}) and
 * column lists ({@code "athlete_id INT64, started_at TIMESTAMP"}) into GoogleSQL types, without touching the
 * native library.
 *
 * <p>Aliases BigQuery accepts are folded ({@code INTEGER}, {@code BIGINT} → {@code INT64}; {@code DECIMAL} →
 * {@code NUMERIC}; {@code BOOLEAN} → {@code BOOL}); type parameters such as {@code STRING(10)} are accepted and
 * dropped, because they do not change how a query is analysed.
 */
public final class BigQueryTypes {

  private static final Map<String, TypeKind> SIMPLE = Map.ofEntries(
      Map.entry("STRING", TypeKind.TYPE_STRING),
      Map.entry("BYTES", TypeKind.TYPE_BYTES),
      Map.entry("INT64", TypeKind.TYPE_INT64),
      Map.entry("INT", TypeKind.TYPE_INT64),
      Map.entry("SMALLINT", TypeKind.TYPE_INT64),
      Map.entry("INTEGER", TypeKind.TYPE_INT64),
      Map.entry("BIGINT", TypeKind.TYPE_INT64),
      Map.entry("TINYINT", TypeKind.TYPE_INT64),
      Map.entry("BYTEINT", TypeKind.TYPE_INT64),
      Map.entry("FLOAT64", TypeKind.TYPE_DOUBLE),
      Map.entry("NUMERIC", TypeKind.TYPE_NUMERIC),
      Map.entry("DECIMAL", TypeKind.TYPE_NUMERIC),
      Map.entry("BIGNUMERIC", TypeKind.TYPE_BIGNUMERIC),
      Map.entry("BIGDECIMAL", TypeKind.TYPE_BIGNUMERIC),
      Map.entry("BOOL", TypeKind.TYPE_BOOL),
      Map.entry("BOOLEAN", TypeKind.TYPE_BOOL),
      Map.entry("DATE", TypeKind.TYPE_DATE),
      Map.entry("DATETIME", TypeKind.TYPE_DATETIME),
      Map.entry("TIME", TypeKind.TYPE_TIME),
      Map.entry("TIMESTAMP", TypeKind.TYPE_TIMESTAMP),
      Map.entry("JSON", TypeKind.TYPE_JSON),
      Map.entry("INTERVAL", TypeKind.TYPE_INTERVAL),
      Map.entry("GEOGRAPHY", TypeKind.TYPE_GEOGRAPHY));

  private BigQueryTypes() {
  }

  /** Parses a BigQuery type name; throws {@link IllegalArgumentException} naming the problem and the accepted forms. */
  public static Type parse(String typeName) {
    if (typeName == null || typeName.isBlank()) {
      throw new IllegalArgumentException("type is empty: use a BigQuery type such as INT64, STRING or ARRAY<DATE>");
    }
    Parser parser = new Parser(typeName);
    Type type = parser.type();
    parser.expectEnd();
    return type;
  }

  /** The canonical BigQuery spelling of a type name, e.g. {@code "integer"} → {@code "INT64"}. */
  public static String canonical(String typeName) {
    return name(parse(typeName));
  }

  /** The BigQuery spelling of a GoogleSQL type (external product mode: {@code FLOAT64}, not {@code DOUBLE}). */
  public static String name(Type type) {
    // The Java client's StructType.typeName needs identifier quoting it does not implement, so compound types
    // are spelled here.
    if (type.isArray()) {
      return "ARRAY<" + name(type.asArray().getElementType()) + ">";
    }
    if (type.isStruct()) {
      List<String> fields = new ArrayList<>();
      for (StructField field : type.asStruct().getFieldList()) {
        String fieldName = field.getName();
        fields.add(fieldName.isEmpty() ? name(field.getType()) : identifier(fieldName) + " " + name(field.getType()));
      }
      return "STRUCT<" + String.join(", ", fields) + ">";
    }
    if (type.isRange()) {
      return "RANGE<" + name(((com.google.zetasql.RangeType) type).getElementType()) + ">";
    }
    return type.typeName(ProductMode.PRODUCT_EXTERNAL);
  }

  private static String identifier(String name) {
    boolean plain = name.matches("[A-Za-z_][A-Za-z0-9_]*") && !RESERVED.contains(name.toUpperCase(Locale.ROOT));
    return plain ? name : "`" + name.replace("`", "\\`") + "`";
  }

  /** BigQuery's reserved keywords: a field with such a name must be quoted. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of(("ALL AND ANY ARRAY AS ASC "
      + "ASSERT_ROWS_MODIFIED AT BETWEEN BY CASE CAST COLLATE CONTAINS CREATE CROSS CUBE CURRENT DEFAULT DEFINE DESC "
      + "DISTINCT ELSE END ENUM ESCAPE EXCEPT EXCLUDE EXISTS EXTRACT FALSE FETCH FOLLOWING FOR FROM FULL GROUP "
      + "GROUPING GROUPS HASH HAVING IF IGNORE IN INNER INTERSECT INTERVAL INTO IS JOIN LATERAL LEFT LIKE LIMIT "
      + "LOOKUP MERGE NATURAL NEW NO NOT NULL NULLS OF ON OR ORDER OUTER OVER PARTITION PRECEDING PROTO QUALIFY "
      + "RANGE RECURSIVE RESPECT RIGHT ROLLUP ROWS SELECT SET SOME STRUCT TABLESAMPLE THEN TO TREAT TRUE UNBOUNDED "
      + "UNION UNNEST USING WHEN WHERE WINDOW WITH WITHIN").split(" "));

  /**
   * Parses a column list such as {@code "athlete_id INT64, laps ARRAY<STRUCT<n INT64, watts FLOAT64>>"}: commas
   * inside {@code <>} or {@code ()} do not split; names may be quoted with backticks.
   */
  public static List<Column> columns(String columnList) {
    if (columnList == null || columnList.isBlank()) {
      throw new IllegalArgumentException("column list is empty: write it as \"name TYPE, name TYPE\"");
    }
    List<Column> columns = new ArrayList<>();
    for (String item : splitTopLevel(columnList)) {
      String trimmed = item.trim();
      String name;
      String rest;
      if (trimmed.startsWith("`")) {
        int close = trimmed.indexOf('`', 1);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated backtick in column \"" + trimmed + "\"");
        }
        name = trimmed.substring(1, close);
        rest = trimmed.substring(close + 1).trim();
      } else {
        int space = indexOfWhitespace(trimmed);
        if (space < 0) {
          throw new IllegalArgumentException("column \"" + trimmed + "\" has no type: write it as \"name TYPE\", e.g. \""
              + trimmed + " INT64\"");
        }
        name = trimmed.substring(0, space);
        rest = trimmed.substring(space).trim();
      }
      try {
        columns.add(new Column(name, canonical(rest)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("column " + name + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(columns);
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Recursive-descent parser over the small type grammar. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    Type type() {
      String word = word().toUpperCase(Locale.ROOT);
      switch (word) {
        case "ARRAY" -> {
          expect('<');
          Type element = type();
          expect('>');
          if (element.isArray()) {
            throw error("BigQuery has no ARRAY of ARRAY: wrap the inner array in a STRUCT");
          }
          return TypeFactory.createArrayType(element);
        }
        case "STRUCT" -> {
          expect('<');
          List<StructField> fields = new ArrayList<>();
          do {
            fields.add(field());
          } while (accept(','));
          expect('>');
          return TypeFactory.createStructType(fields);
        }
        case "RANGE" -> {
          expect('<');
          Type element = type();
          expect('>');
          return TypeFactory.createRangeType(element);
        }
        default -> {
          TypeKind kind = SIMPLE.get(word);
          if (kind == null) {
            throw error("unknown type " + word + ": use a BigQuery type (STRING, BYTES, INT64, FLOAT64, NUMERIC, "
                + "BIGNUMERIC, BOOL, DATE, DATETIME, TIME, TIMESTAMP, JSON, INTERVAL, GEOGRAPHY, ARRAY<T>, STRUCT<name T>)");
          }
          skipParameters();
          return TypeFactory.createSimpleType(kind);
        }
      }
    }

    private StructField field() {
      int save = pos;
      String first = word();
      skipSpace();
      // "name TYPE" when another word follows; a lone type makes an anonymous field.
      if (pos < text.length() && isWordChar(text.charAt(pos))) {
        return new StructField(first, type());
      }
      pos = save;
      return new StructField("", type());
    }

    private void skipParameters() {
      if (accept('(')) {
        while (pos < text.length() && text.charAt(pos) != ')') {
          pos++;
        }
        expect(')');
      }
    }

    private String word() {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == '`') {
        int close = text.indexOf('`', pos + 1);
        if (close < 0) {
          throw error("unterminated backtick");
        }
        String w = text.substring(pos + 1, close);
        pos = close + 1;
        return w;
      }
      int start = pos;
      while (pos < text.length() && isWordChar(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw error("expected a type name");
      }
      return text.substring(start, pos);
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_';
    }

    private boolean accept(char c) {
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!accept(c)) {
        throw error("expected '" + c + "'");
      }
    }

    void expectEnd() {
      skipSpace();
      if (pos != text.length()) {
        throw error("unexpected text");
      }
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("bad type \"" + text + "\" at character " + (pos + 1) + ": " + what);
    }
  }
}
