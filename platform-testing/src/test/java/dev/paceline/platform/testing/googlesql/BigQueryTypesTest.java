package dev.paceline.platform.testing.googlesql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BigQueryTypesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      integer                                         | INT64
      BIGINT                                          | INT64
      float64                                         | FLOAT64
      DECIMAL(10, 2)                                  | NUMERIC
      BIGDECIMAL                                      | BIGNUMERIC
      boolean                                         | BOOL
      STRING(10)                                      | STRING
      timestamp                                       | TIMESTAMP
      json                                            | JSON
      array<date>                                     | ARRAY<DATE>
      STRUCT<a INT64, b ARRAY<STRUCT<x STRING>>>      | STRUCT<a INT64, b ARRAY<STRUCT<x STRING>>>
      STRUCT<`select` STRING, INT64>                  | STRUCT<`select` STRING, INT64>
      RANGE<DATE>                                     | RANGE<DATE>
      """)
  void canonicalisesBigQueryTypeNames(String input, String canonical) {
    assertThat(BigQueryTypes.canonical(input)).isEqualTo(canonical);
  }

  @Test
  void parsesColumnListsWithNestedCommas() {
    assertThat(BigQueryTypes.columns("athlete_id INT64, laps ARRAY<STRUCT<n INT64, watts FLOAT64>>, `day` DATE"))
        .containsExactly(new Column("athlete_id", "INT64"),
            new Column("laps", "ARRAY<STRUCT<n INT64, watts FLOAT64>>"), new Column("day", "DATE"));
  }

  @Test
  void badTypesFailNamingTheProblem() {
    assertThatThrownBy(() -> BigQueryTypes.canonical("VARCHAR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown type VARCHAR: use a BigQuery type (STRING");
    assertThatThrownBy(() -> BigQueryTypes.canonical("ARRAY<ARRAY<INT64>>"))
        .hasMessageContaining("BigQuery has no ARRAY of ARRAY");
    assertThatThrownBy(() -> BigQueryTypes.canonical("ARRAY<INT64"))
        .hasMessageContaining("expected '>'");
    assertThatThrownBy(() -> BigQueryTypes.columns("athlete_id"))
        .hasMessageContaining("column \"athlete_id\" has no type");
    assertThatThrownBy(() -> GoogleSql.builder().table("stg..x", "a INT64"))
        .hasMessageContaining("has an empty part");
    assertThatThrownBy(() -> GoogleSql.builder().table("stg.x", "a DOUBLE"))
        .hasMessage("table stg.x: column a: bad type \"DOUBLE\" at character 7: unknown type DOUBLE: use a BigQuery "
            + "type (STRING, BYTES, INT64, FLOAT64, NUMERIC, BIGNUMERIC, BOOL, DATE, DATETIME, TIME, TIMESTAMP, JSON, "
            + "INTERVAL, GEOGRAPHY, ARRAY<T>, STRUCT<name T>)");
  }
}
