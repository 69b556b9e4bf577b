package dev.paceline.platform.testing.googlesql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two results in the harness's normalised form (typically GoogleSQL's reference engine against DuckDB),
 * value by value.
 *
 * <ul>
 *   <li>Integers ({@link Long}, {@link Integer}, {@link BigInteger}) compare exactly.</li>
 *   <li>Any other pair of numbers compares numerically with a tolerance: {@code |e - a| <= tolerance * max(1, |e|,
 *       |a|)}, i.e. absolute near zero, relative for large values. {@code NaN} equals {@code NaN}. Unless
 *       {@link #strictNumericTypes()} is set, {@code 2L} matches {@code 2.0} and {@code BigDecimal("2.00")}.</li>
 *   <li>Lists compare element-wise, maps by key set and values, {@code byte[]} by content, everything else with
 *       {@link Object#equals}.</li>
 *   <li>With {@link #ignoringOrder()}, rows are matched as a multiset: each expected row consumes one equal actual
 *       row.</li>
 * </ul>
 *
 * <pre>{@code
 * RowsComparison.of(bigQueryRows, duckDbRows).ignoringOrder().withTolerance(1e-9).assertSame();
 * }</pre>
 */
public final class RowsComparison {

  /** Default tolerance: differences from summation order, not from wrong maths. */
  public static final double DEFAULT_TOLERANCE = 1e-9;
  private static final int MAX_REPORTED = 20;

  private final List<? extends List<?>> expected;
  private final List<? extends List<?>> actual;
  private final List<String> expectedColumns;
  private final List<String> actualColumns;
  private boolean ignoreOrder;
  private double tolerance = DEFAULT_TOLERANCE;
  private boolean strictNumericTypes;

  private RowsComparison(List<? extends List<?>> expected, List<? extends List<?>> actual,
      List<String> expectedColumns, List<String> actualColumns) {
    this.expected = Objects.requireNonNull(expected, "expected rows");
    this.actual = Objects.requireNonNull(actual, "actual rows");
    this.expectedColumns = expectedColumns;
    this.actualColumns = actualColumns;
  }

  /** Compares bare rows (no column names). */
  public static RowsComparison of(List<? extends List<?>> expected, List<? extends List<?>> actual) {
    return new RowsComparison(expected, actual, null, null);
  }

  /** Compares results including their column names (case-insensitive, as in BigQuery). */
  public static RowsComparison of(QueryRows expected, QueryRows actual) {
    return new RowsComparison(expected.rows(), actual.rows(), expected.columnNames(), actual.columnNames());
  }

  /** Asserts the same rows in any order, numbers within {@code tolerance}. */
  public static void assertSameRows(List<? extends List<?>> expected, List<? extends List<?>> actual, double tolerance) {
    of(expected, actual).ignoringOrder().withTolerance(tolerance).assertSame();
  }

  /** Asserts the same columns and rows in any order, numbers within {@code tolerance}. */
  public static void assertSameRows(QueryRows expected, QueryRows actual, double tolerance) {
    of(expected, actual).ignoringOrder().withTolerance(tolerance).assertSame();
  }

  /** Asserts the same rows in the same order, numbers within {@code tolerance}. */
  public static void assertSameRowsInOrder(List<? extends List<?>> expected, List<? extends List<?>> actual,
      double tolerance) {
    of(expected, actual).withTolerance(tolerance).assertSame();
  }

  public RowsComparison ignoringOrder() {
    this.ignoreOrder = true;
    return this;
  }

  public RowsComparison withTolerance(double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    this.tolerance = tolerance;
    return this;
  }

  /** Requires numbers to have the same Java class (a {@code Long} then never matches a {@code Double}). */
  public RowsComparison strictNumericTypes() {
    this.strictNumericTypes = true;
    return this;
  }

  /** Whether both sides hold the same rows under the chosen rules. */
  public boolean same() {
    return differences().isEmpty();
  }

  /** Human-readable differences; empty when the results are the same. */
  public List<String> differences() {
    List<String> out = new ArrayList<>();
    if (expectedColumns != null && !sameNames(expectedColumns, actualColumns)) {
      out.add("columns differ: expected " + expectedColumns + " but got " + actualColumns);
    }
    if (ignoreOrder) {
      unorderedDifferences(out);
    } else {
      orderedDifferences(out);
    }
    return out;
  }

  /** Throws an {@link AssertionError} listing the differences. */
  public void assertSame() {
    List<String> differences = differences();
    if (!differences.isEmpty()) {
      String header = "rows differ (" + (ignoreOrder ? "ignoring order" : "in order") + ", tolerance " + tolerance
          + "): expected " + expected.size() + " rows, got " + actual.size();
      throw new AssertionError(header + "\n  " + String.join("\n  ", differences));
    }
  }

  private void orderedDifferences(List<String> out) {
    if (expected.size() != actual.size()) {
      out.add("row count differs: expected " + expected.size() + " but got " + actual.size());
    }
    int common = Math.min(expected.size(), actual.size());
    int reported = 0;
    for (int i = 0; i < common && reported < MAX_REPORTED; i++) {
      if (!rowsMatch(expected.get(i), actual.get(i))) {
        out.add("row " + i + ": expected " + format(expected.get(i)) + " but got " + format(actual.get(i)));
        reported++;
      }
    }
    for (int i = common; i < expected.size() && reported++ < MAX_REPORTED; i++) {
      out.add("row " + i + " missing: " + format(expected.get(i)));
    }
    for (int i = common; i < actual.size() && reported++ < MAX_REPORTED; i++) {
      out.add("row " + i + " unexpected: " + format(actual.get(i)));
    }
  }

  private void unorderedDifferences(List<String> out) {
    List<List<?>> sortedExpected = sorted(expected);
    List<List<?>> sortedActual = sorted(actual);
    boolean[] used = new boolean[sortedActual.size()];
    List<List<?>> missing = new ArrayList<>();
    for (int i = 0; i < sortedExpected.size(); i++) {
      List<?> row = sortedExpected.get(i);
      int match = -1;
      // Sorted alike, equal results line up; the scan only runs around a difference.
      if (i < sortedActual.size() && !used[i] && rowsMatch(row, sortedActual.get(i))) {
        match = i;
      } else {
        for (int j = 0; j < sortedActual.size(); j++) {
          if (!used[j] && rowsMatch(row, sortedActual.get(j))) {
            match = j;
            break;
          }
        }
      }
      if (match < 0) {
        missing.add(row);
      } else {
        used[match] = true;
      }
    }
    List<List<?>> unexpected = new ArrayList<>();
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        unexpected.add(sortedActual.get(j));
      }
    }
    report(out, "missing (expected, not in actual)", missing);
    report(out, "unexpected (in actual, not expected)", unexpected);
  }

  private static void report(List<String> out, String label, List<List<?>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    out.add(label + ": " + rows.size() + " row(s)");
    rows.stream().limit(MAX_REPORTED).forEach(r -> out.add("  " + format(r)));
    if (rows.size() > MAX_REPORTED) {
      out.add("  ... and " + (rows.size() - MAX_REPORTED) + " more");
    }
  }

  private boolean rowsMatch(List<?> e, List<?> a) {
    if (e.size() != a.size()) {
      return false;
    }
    for (int i = 0; i < e.size(); i++) {
      if (!valuesMatch(e.get(i), a.get(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean valuesMatch(Object e, Object a) {
    return valuesMatch(e, a, tolerance, strictNumericTypes);
  }

  /** Whether two normalised values are the same under the rules in the class comment. */
  public static boolean valuesMatch(Object e, Object a, double tolerance, boolean strictNumericTypes) {
    if (e == null || a == null) {
      return e == a;
    }
    if (e instanceof Number en && a instanceof Number an) {
      if (strictNumericTypes && e.getClass() != a.getClass()) {
        return false;
      }
      if (isIntegral(en) && isIntegral(an)) {
        return toBigInteger(en).equals(toBigInteger(an));
      }
      if (e instanceof BigDecimal ed && a instanceof BigDecimal ad && ed.compareTo(ad) == 0) {
        return true;
      }
      double x = en.doubleValue();
      double y = an.doubleValue();
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Double.isNaN(x) && Double.isNaN(y);
      }
      if (x == y) {
        return true;
      }
      double scale = Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
      return Math.abs(x - y) <= tolerance * scale;
    }
    if (e instanceof List<?> el && a instanceof List<?> al) {
      if (el.size() != al.size()) {
        return false;
      }
      for (int i = 0; i < el.size(); i++) {
        if (!valuesMatch(el.get(i), al.get(i), tolerance, strictNumericTypes)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
      if (!em.keySet().equals(am.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> entry : em.entrySet()) {
        if (!valuesMatch(entry.getValue(), am.get(entry.getKey()), tolerance, strictNumericTypes)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof byte[] eb && a instanceof byte[] ab) {
      return Arrays.equals(eb, ab);
    }
    return e.equals(a);
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger;
  }

  private static BigInteger toBigInteger(Number n) {
    return n instanceof BigInteger big ? big : BigInteger.valueOf(n.longValue());
  }

  private static boolean sameNames(List<String> e, List<String> a) {
    if (e.size() != a.size()) {
      return false;
    }
    for (int i = 0; i < e.size(); i++) {
      if (!e.get(i).equalsIgnoreCase(a.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<List<?>> sorted(List<? extends List<?>> rows) {
    List<List<?>> copy = new ArrayList<>(rows);
    copy.sort(ROW_ORDER);
    return copy;
  }

  private static final Comparator<Object> VALUE_ORDER = RowsComparison::compareValues;

  private static final Comparator<List<?>> ROW_ORDER = (x, y) -> {
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = VALUE_ORDER.compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  };

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object x, Object y) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (x instanceof Number xn && y instanceof Number yn) {
      return Double.compare(xn.doubleValue(), yn.doubleValue());
    }
    if (x instanceof List<?> xl && y instanceof List<?> yl) {
      return ROW_ORDER.compare(xl, yl);
    }
    if (x instanceof byte[] xb && y instanceof byte[] yb) {
      return Arrays.compare(xb, yb);
    }
    if (x.getClass() == y.getClass() && x instanceof Comparable xc) {
      return xc.compareTo(y);
    }
    int byClass = x.getClass().getName().compareTo(y.getClass().getName());
    return byClass != 0 ? byClass : format(x).compareTo(format(y));
  }

  /** A row as {@code (1, 'a', 2024-01-01, NULL)}. */
  static String format(List<?> row) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(format(row.get(i)));
    }
    return out.append(')').toString();
  }

  private static String format(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? ", " : "").append(format(list.get(i)));
      }
      return out.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "" : ", ").append(entry.getKey()).append(": ").append(format(entry.getValue()));
        first = false;
      }
      return out.append('}').toString();
    }
    return value.toString();
  }
}
