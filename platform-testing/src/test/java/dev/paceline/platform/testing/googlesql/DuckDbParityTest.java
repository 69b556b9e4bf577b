package dev.paceline.platform.testing.googlesql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same model written for DuckDB and for BigQuery returns the same rows on the same fixture. */
class DuckDbParityTest {

  static final GoogleSql BQ = GoogleSql.builder()
      .table("stg.daily_power", "athlete_id INT64, day DATE, avg_watts FLOAT64, kj NUMERIC")
      .build();

  static Connection duck;
  static List<List<Object>> fixture;

  @BeforeAll
  static void loadFixture() throws SQLException {
    duck = DriverManager.getConnection("jdbc:duckdb:");
    fixture = new ArrayList<>();
    try (Statement s = duck.createStatement()) {
      s.execute("CREATE SCHEMA stg");
      s.execute("CREATE TABLE stg.daily_power (athlete_id BIGINT, day DATE, avg_watts DOUBLE, kj DECIMAL(18, 3))");
    }
    // 3 athletes × 20 days with a few zero-watt days, the same rows in both engines.
    for (long athlete = 1; athlete <= 3; athlete++) {
      for (int d = 0; d < 20; d++) {
        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(d * athlete % 23);
        double watts = d % 7 == 3 ? 0.0 : 120.0 + athlete * 17.5 + d * 3.25;
        BigDecimal kj = BigDecimal.valueOf(watts * 3.6).setScale(3, java.math.RoundingMode.HALF_UP);
        fixture.add(List.of(athlete, day, watts, kj));
        try (var insert = duck.prepareStatement("INSERT INTO stg.daily_power VALUES (?, ?, ?, ?)")) {
          insert.setLong(1, athlete);
          insert.setObject(2, day);
          insert.setDouble(3, watts);
          insert.setBigDecimal(4, kj);
          insert.executeUpdate();
        }
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
  }

  @Test
  void duckDbAndBigQueryRenderingsOfAModelReturnTheSameRows() throws SQLException {
    String duckDbSql = """
        SELECT
          athlete_id,
          day,
          avg(avg_watts) OVER (PARTITION BY athlete_id ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS watts_7,
          datediff('day', DATE '2024-01-01', day) AS day_index,
          CASE WHEN avg_watts = 0 THEN NULL ELSE 1000 / avg_watts END AS per_kw,
          strftime(day, '%Y-%m') AS month,
          sum(kj) OVER (PARTITION BY athlete_id) AS total_kj,
          count(*) OVER (PARTITION BY athlete_id) AS n
        FROM stg.daily_power
        QUALIFY row_number() OVER (PARTITION BY athlete_id ORDER BY day DESC) <= 5
        """;
    String bigQuerySql = """
        SELECT
          athlete_id,
          day,
          AVG(avg_watts) OVER (PARTITION BY athlete_id ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS watts_7,
          DATE_DIFF(day, DATE '2024-01-01', DAY) AS day_index,
          SAFE_DIVIDE(1000, avg_watts) AS per_kw,
          FORMAT_DATE('%Y-%m', day) AS month,
          SUM(kj) OVER (PARTITION BY athlete_id) AS total_kj,
          COUNT(*) OVER (PARTITION BY athlete_id) AS n
        FROM stg.daily_power
        WHERE TRUE
        QUALIFY ROW_NUMBER() OVER (PARTITION BY athlete_id ORDER BY day DESC) <= 5
        """;

    QueryRows duckRows = DuckDbRows.query(duck, duckDbSql);
    QueryRows bqRows = BQ.execute(bigQuerySql, Map.of("stg.daily_power", fixture));

    assertThat(bqRows.size()).isEqualTo(15);
    assertThat(bqRows.column("per_kw")).containsNull();
    RowsComparison.of(bqRows, duckRows).ignoringOrder().withTolerance(1e-12).assertSame();
    assertThat(duckRows.columns()).extracting(Column::type)
        .containsExactly("INT64", "DATE", "FLOAT64", "INT64", "FLOAT64", "STRING", "NUMERIC", "INT64");
    // The DuckDB rendering is not BigQuery SQL: the analyzer says so, starting with the bare QUALIFY.
    assertThatThrownBy(() -> BQ.analyze(duckDbSql)).isInstanceOf(GoogleSqlException.class)
        .hasMessageContaining("QUALIFY clause must be used in conjunction with WHERE or GROUP BY or HAVING clause "
            + "at line 11, column 1");
  }

  @Test
  void aDuckDbFixtureTableFeedsTheReferenceEngine() throws SQLException {
    QueryRows copied = DuckDbRows.table(duck, "stg.daily_power");
    GoogleSql fromDuck = GoogleSql.builder().table("stg.daily_power", copied.columns()).build();

    assertThat(copied.rows()).isEqualTo(fixture.stream().map(r -> List.of(r.get(0), r.get(1), r.get(2),
        Values.normalise((BigDecimal) r.get(3)))).toList());
    assertThat(fromDuck.tables().get("stg.daily_power")).extracting(Column::toString)
        .containsExactly("athlete_id INT64", "day DATE", "avg_watts FLOAT64", "kj NUMERIC");
    QueryRows total = fromDuck.execute("SELECT COUNT(*) AS n, SUM(kj) AS kj FROM stg.daily_power",
        Map.of("stg.daily_power", copied.rows()));
    RowsComparison.of(total, DuckDbRows.query(duck, "SELECT count(*) AS n, sum(kj) AS kj FROM stg.daily_power"))
        .strictNumericTypes().withTolerance(0).assertSame();
  }

  @Test
  void comparisonCatchesASemanticDifferenceBetweenEngines() throws SQLException {
    // DuckDB weeks start on Monday; BigQuery's WEEK starts on Sunday, WEEK(MONDAY) on Monday.
    QueryRows duckWeeks = DuckDbRows.query(duck,
        "SELECT athlete_id, date_trunc('week', day) AS week, count(*) AS days FROM stg.daily_power GROUP BY ALL");
    QueryRows sundayWeeks = BQ.execute("SELECT athlete_id, DATE_TRUNC(day, WEEK) AS week, COUNT(*) AS days "
        + "FROM stg.daily_power GROUP BY athlete_id, week", Map.of("stg.daily_power", fixture));
    QueryRows mondayWeeks = BQ.execute("SELECT athlete_id, DATE_TRUNC(day, WEEK(MONDAY)) AS week, COUNT(*) AS days "
        + "FROM stg.daily_power GROUP BY athlete_id, week", Map.of("stg.daily_power", fixture));

    RowsComparison sunday = RowsComparison.of(sundayWeeks, duckWeeks).ignoringOrder();
    assertThat(sunday.same()).isFalse();
    assertThat(sunday.differences()).anySatisfy(d -> assertThat(d).startsWith("missing (expected, not in actual)"));
    assertThatThrownBy(sunday::assertSame).isInstanceOf(AssertionError.class)
        .hasMessageContaining("(1, 2023-12-31, ");
    RowsComparison.of(mondayWeeks, duckWeeks).ignoringOrder().assertSame();
  }

  @Test
  void nestedValuesNormaliseAlikeInBothEngines() throws SQLException {
    QueryRows duckRows = DuckDbRows.query(duck, """
        SELECT
          [3, 1, 2] AS laps,
          {'name': 'ride', 'watts': [200.5::DOUBLE, 180.0::DOUBLE]} AS summary,
          '{"b": 1, "a": [true, null]}'::JSON AS raw,
          TIMESTAMP '2024-05-01 06:30:00' AS local_start,
          TIMESTAMPTZ '2024-05-01 06:30:00+00' AS utc_start,
          sum(athlete_id) AS athlete_sum,
          CAST(12.50 AS DECIMAL(10, 2)) AS price
        FROM stg.daily_power
        """);
    QueryRows bqRows = BQ.execute("""
        SELECT
          [3, 1, 2] AS laps,
          STRUCT('ride' AS name, [200.5, 180.0] AS watts) AS summary,
          JSON '{"b": 1, "a": [true, null]}' AS raw,
          DATETIME '2024-05-01 06:30:00' AS local_start,
          TIMESTAMP '2024-05-01 06:30:00+00' AS utc_start,
          SUM(athlete_id) AS athlete_sum,
          CAST(12.50 AS NUMERIC) AS price
        FROM stg.daily_power
        """, Map.of("stg.daily_power", fixture));

    List<Object> expected = List.of(List.of(3L, 1L, 2L), Map.of("name", "ride", "watts", List.of(200.5, 180.0)),
        "{\"a\":[true,null],\"b\":1}", LocalDateTime.of(2024, 5, 1, 6, 30), Instant.parse("2024-05-01T06:30:00Z"),
        120L, new BigDecimal("12.5"));
    assertThat(bqRows.rows()).containsExactly(expected);
    assertThat(duckRows.rows()).containsExactly(expected);
    RowsComparison.of(bqRows, duckRows).strictNumericTypes().withTolerance(0).assertSame();
    assertThat(duckRows.columns()).extracting(Column::type).containsExactly("ARRAY<INT64>",
        "STRUCT<name STRING, watts ARRAY<FLOAT64>>", "JSON", "DATETIME", "TIMESTAMP", "INT64", "NUMERIC");
  }
}
