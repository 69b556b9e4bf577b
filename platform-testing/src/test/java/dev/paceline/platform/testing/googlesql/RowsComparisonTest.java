package dev.paceline.platform.testing.googlesql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsComparisonTest {

  @Test
  void floatsMatchWithinToleranceIntegersOnlyExactly() {
    assertThat(RowsComparison.valuesMatch(1.0, 1.0 + 1e-12, 1e-9, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(1.0, 1.0 + 1e-6, 1e-9, false)).isFalse();
    // Relative for large values: 1e12 and 1e12 + 1 differ by 1e-12 of their size.
    assertThat(RowsComparison.valuesMatch(1e12, 1e12 + 1, 1e-9, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(Long.MAX_VALUE, Long.MAX_VALUE - 1, 1e-3, false)).isFalse();
    assertThat(RowsComparison.valuesMatch(5L, BigInteger.valueOf(5), 0, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(Double.NaN, Double.NaN, 0, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(2L, 2.0, 0, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(2L, 2.0, 0, true)).isFalse();
    assertThat(RowsComparison.valuesMatch(new BigDecimal("2.50"), new BigDecimal("2.5"), 0, true)).isTrue();
    assertThat(RowsComparison.valuesMatch(null, 0L, 1, false)).isFalse();
    assertThat(RowsComparison.valuesMatch(null, null, 0, false)).isTrue();
  }

  @Test
  void nestedValuesCompareRecursively() {
    assertThat(RowsComparison.valuesMatch(List.of(1.0, Map.of("a", 2.0)), List.of(1.0 + 1e-12, Map.of("a", 2.0)),
        1e-9, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(Map.of("a", 1L), Map.of("b", 1L), 0, false)).isFalse();
    assertThat(RowsComparison.valuesMatch(new byte[] {1, 2}, new byte[] {1, 2}, 0, false)).isTrue();
    assertThat(RowsComparison.valuesMatch(List.of(1L, 2L), List.of(2L, 1L), 0, false)).isFalse();
  }

  @Test
  void ignoringOrderMatchesRowsAsAMultiset() {
    List<List<Object>> expected = List.of(List.of(1L, "a"), List.of(1L, "a"), List.of(2L, "b"));
    List<List<Object>> sameShuffled = List.of(List.of(2L, "b"), List.of(1L, "a"), List.of(1L, "a"));
    List<List<Object>> oneDuplicateLost = List.of(List.of(2L, "b"), List.of(1L, "a"), List.of(3L, "c"));

    RowsComparison.assertSameRows(expected, sameShuffled, 0);
    assertThatThrownBy(() -> RowsComparison.assertSameRowsInOrder(expected, sameShuffled, 0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("row 0: expected (1, 'a') but got (2, 'b')");
    assertThat(RowsComparison.of(expected, oneDuplicateLost).ignoringOrder().differences()).containsExactly(
        "missing (expected, not in actual): 1 row(s)", "  (1, 'a')",
        "unexpected (in actual, not expected): 1 row(s)", "  (3, 'c')");
  }

  @Test
  void floatsNearASortBoundaryStillPairUp() {
    List<List<Object>> expected = List.of(List.of(1.0000000000001, "x"), List.of(1.0, "y"));
    List<List<Object>> actual = List.of(List.of(1.0, "x"), List.of(1.0000000000001, "y"));

    RowsComparison.assertSameRows(expected, actual, 1e-9);
  }

  @Test
  void reportsColumnNameAndRowCountDifferences() {
    QueryRows expected = new QueryRows(List.of(new Column("athlete_id", "INT64"), new Column("n", "INT64")),
        List.of(List.of(1L, 2L)));
    QueryRows actual = new QueryRows(List.of(new Column("ATHLETE_ID", "INT64"), new Column("count", "INT64")),
        List.of(List.of(1L, 2L), Arrays.asList(2L, null)));

    assertThatThrownBy(() -> RowsComparison.assertSameRows(expected, actual, 0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("""
            rows differ (ignoring order, tolerance 0.0): expected 1 rows, got 2
              columns differ: expected [athlete_id, n] but got [ATHLETE_ID, count]
              unexpected (in actual, not expected): 1 row(s)
                (2, NULL)""");
  }

  @Test
  void rejectsANegativeTolerance() {
    assertThatThrownBy(() -> RowsComparison.of(List.of(), List.of()).withTolerance(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
