package dev.paceline.platform.testing.googlesql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoogleSqlExecutionTest {

  static final GoogleSql BQ = GoogleSql.builder()
      .table("stg.daily_power", "athlete_id INT64, day DATE, avg_watts FLOAT64")
      .table("raw.activities", "athlete_id INT64, activity_id INT64, payload STRING")
      .build();

  static final List<List<Object>> DAILY_POWER = List.of(
      List.of(1L, LocalDate.of(2024, 1, 1), 100.0),
      List.of(1L, LocalDate.of(2024, 1, 2), 200.0),
      List.of(1L, LocalDate.of(2024, 1, 3), 300.0),
      List.of(1L, LocalDate.of(2024, 1, 4), 400.0),
      List.of(2L, LocalDate.of(2024, 1, 1), 150.0),
      List.of(2L, LocalDate.of(2024, 1, 3), 250.0));

  @Test
  void windowAverageOnInMemoryRowsReturnsTheExpectedNumbers() {
    QueryRows rows = BQ.execute("""
        SELECT
          athlete_id,
          day,
          AVG(avg_watts) OVER (PARTITION BY athlete_id ORDER BY day ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS watts_3,
          AVG(avg_watts) OVER (PARTITION BY athlete_id ORDER BY UNIX_DATE(day) RANGE BETWEEN 1 PRECEDING AND CURRENT ROW)
            AS watts_2d
        FROM stg.daily_power
        ORDER BY athlete_id, day
        """, Map.of("stg.daily_power", DAILY_POWER));

    assertThat(rows.columnNames()).containsExactly("athlete_id", "day", "watts_3", "watts_2d");
    assertThat(rows.columns()).extracting(Column::type).containsExactly("INT64", "DATE", "FLOAT64", "FLOAT64");
    assertThat(rows.rows()).containsExactly(
        List.of(1L, LocalDate.of(2024, 1, 1), 100.0, 100.0),
        List.of(1L, LocalDate.of(2024, 1, 2), 150.0, 150.0),
        List.of(1L, LocalDate.of(2024, 1, 3), 200.0, 250.0),
        List.of(1L, LocalDate.of(2024, 1, 4), 300.0, 350.0),
        List.of(2L, LocalDate.of(2024, 1, 1), 150.0, 150.0),
        // Day 3 has no day-2 neighbour: the RANGE frame holds only itself, the ROWS frame both rows.
        List.of(2L, LocalDate.of(2024, 1, 3), 200.0, 250.0));
  }

  @Test
  void qualifyKeepsTheLatestRowPerAthlete() {
    QueryRows rows = BQ.execute("""
        SELECT athlete_id, day, avg_watts
        FROM `stg.daily_power`
        WHERE TRUE
        QUALIFY ROW_NUMBER() OVER (PARTITION BY athlete_id ORDER BY day DESC) = 1
        ORDER BY athlete_id
        """, Map.of("STG.DAILY_POWER", DAILY_POWER));

    assertThat(rows.rows()).containsExactly(
        List.of(1L, LocalDate.of(2024, 1, 4), 400.0),
        List.of(2L, LocalDate.of(2024, 1, 3), 250.0));
  }

  @Test
  void jsonValueAndUnnestWithOffsetExecute() {
    QueryRows rows = BQ.execute("""
        SELECT
          a.activity_id,
          JSON_VALUE(a.payload, '$.name') AS name,
          SAFE_CAST(JSON_VALUE(lap, '$.watts') AS FLOAT64) AS lap_watts,
          lap_index
        FROM raw.activities AS a,
          UNNEST(JSON_QUERY_ARRAY(a.payload, '$.laps')) AS lap WITH OFFSET AS lap_index
        ORDER BY a.activity_id, lap_index
        """, Map.of("raw.activities", List.of(
        List.of(1L, 10L, "{\"name\":\"Morning Ride\",\"laps\":[{\"watts\":210.5},{\"watts\":190}]}"),
        List.of(1L, 11L, "{\"name\":\"Recovery\",\"laps\":[{\"watts\":120}]}"),
        List.of(2L, 12L, "{\"name\":\"No laps\"}"))));

    assertThat(rows.rows()).containsExactly(
        List.of(10L, "Morning Ride", 210.5, 0L),
        List.of(10L, "Morning Ride", 190.0, 1L),
        List.of(11L, "Recovery", 120.0, 0L));
  }

  @Test
  void executesTheQueryOfACreateTableAsStatement() {
    QueryRows rows = BQ.execute("""
        CREATE OR REPLACE TABLE marts.agg_power
        CLUSTER BY athlete_id
        AS
        SELECT athlete_id, COUNT(*) AS days, ROUND(AVG(avg_watts), 1) AS avg_watts, MIN(day) AS first_day
        FROM stg.daily_power
        GROUP BY athlete_id
        ORDER BY athlete_id
        """, Map.of("stg.daily_power", DAILY_POWER));

    assertThat(rows.columnNames()).containsExactly("athlete_id", "days", "avg_watts", "first_day");
    assertThat(rows.rows()).containsExactly(
        List.of(1L, 4L, 250.0, LocalDate.of(2024, 1, 1)),
        List.of(2L, 2L, 200.0, LocalDate.of(2024, 1, 1)));
  }

  @Test
  void executesAChainOfModelsAsAScript() {
    ScriptResult result = BQ.executeScript("""
        CREATE OR REPLACE TABLE int.weekly_power AS
        WITH days AS (
          SELECT athlete_id, DATE_TRUNC(day, WEEK(MONDAY)) AS week, avg_watts FROM stg.daily_power
        )
        SELECT athlete_id, week, MAX(avg_watts) AS best_watts
        FROM days
        GROUP BY athlete_id, week;

        CREATE OR REPLACE VIEW marts.best_week AS
        SELECT athlete_id, week, best_watts
        FROM int.weekly_power
        WHERE TRUE
        QUALIFY RANK() OVER (PARTITION BY athlete_id ORDER BY best_watts DESC) = 1;

        SELECT COUNT(*) AS athletes, SUM(best_watts) AS total FROM marts.best_week;
        """, Map.of("stg.daily_power", DAILY_POWER));

    // 2024-01-01 is a Monday: every sample falls in that week.
    RowsComparison.assertSameRows(List.of(
        List.of(1L, LocalDate.of(2024, 1, 1), 400.0),
        List.of(2L, LocalDate.of(2024, 1, 1), 250.0)), result.table("marts.best_week").rows(), 0);
    assertThat(result.table("int.weekly_power").size()).isEqualTo(2);
    assertThat(result.lastQuery().rows()).containsExactly(List.of(2L, 650.0));
    assertThat(result.statements()).extracting(Analysis::kind)
        .containsExactly("CreateTableAsSelectStmt", "CreateViewStmt", "QueryStmt");
  }

  @Test
  void convertsEveryBigQueryTypeBothWays() {
    GoogleSql bq = GoogleSql.builder()
        .table("t", "i INT64, f FLOAT64, n NUMERIC, bn BIGNUMERIC, b BOOL, s STRING, by BYTES, d DATE,"
            + " dt DATETIME, ts TIMESTAMP, j JSON, a ARRAY<INT64>, st STRUCT<name STRING, laps ARRAY<FLOAT64>>")
        .build();
    List<Object> row = Arrays.asList(7L, 1.5, new BigDecimal("12.345"), new BigDecimal("1.000000000001"), true, "é",
        "hi".getBytes(StandardCharsets.UTF_8), LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 6, 30, 1),
        Instant.parse("2024-02-29T06:30:01.123456Z"), "{\"b\": 1, \"a\": [true, null]}", List.of(3L, 1L),
        Map.of("name", "lap", "laps", List.of(1.0, 2.5)));
    List<Object> nulls = Arrays.asList(new Object[13]);

    QueryRows rows = bq.execute("SELECT * FROM t ORDER BY i NULLS LAST", Map.of("t", List.of(row, nulls)));

    List<Object> out = rows.rows().get(0);
    assertThat(out.subList(0, 6)).containsExactly(7L, 1.5, new BigDecimal("12.345"),
        new BigDecimal("1.000000000001"), true, "é");
    assertThat((byte[]) out.get(6)).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
    assertThat(out.subList(7, 12)).containsExactly(LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 6, 30, 1),
        Instant.parse("2024-02-29T06:30:01.123456Z"), "{\"a\":[true,null],\"b\":1}", List.of(3L, 1L));
    assertThat(out.get(12)).isEqualTo(Map.of("name", "lap", "laps", List.of(1.0, 2.5)));
    assertThat(rows.rows().get(1)).containsOnlyNulls().hasSize(13);
    assertThat(rows.columns()).extracting(Column::type).containsExactly("INT64", "FLOAT64", "NUMERIC", "BIGNUMERIC",
        "BOOL", "STRING", "BYTES", "DATE", "DATETIME", "TIMESTAMP", "JSON", "ARRAY<INT64>",
        "STRUCT<name STRING, laps ARRAY<FLOAT64>>");
  }

  @Test
  void evaluatesDatesAndTimestampsInUtcAsBigQueryDoes() {
    QueryRows rows = BQ.execute("SELECT DATE(TIMESTAMP '2024-03-10 23:30:00') AS d, "
        + "EXTRACT(HOUR FROM TIMESTAMP '2024-03-10 23:30:00') AS h, "
        + "DATE_DIFF(DATE '2024-03-01', DATE '2024-02-01', DAY) AS days, SAFE_DIVIDE(1, 0) AS nothing", Map.of());

    assertThat(rows.rows()).containsExactly(Arrays.asList(LocalDate.of(2024, 3, 10), 23L, 29L, null));
  }

  @Test
  void missingUnknownAndMistypedContentsFailNamingTheCause() {
    assertThatThrownBy(() -> BQ.execute("SELECT COUNT(*) FROM stg.daily_power", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the query reads table stg.daily_power but no rows were given for it: add it to the contents map "
            + "(List.of() for an empty table)");
    assertThatThrownBy(() -> BQ.execute("SELECT 1", Map.of("stg.nope", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows were given for table stg.nope, which is not in the catalog")
        .hasMessageContaining("[stg.daily_power, raw.activities]");
    assertThatThrownBy(() -> BQ.execute("SELECT COUNT(*) FROM stg.daily_power",
        Map.of("stg.daily_power", List.of(List.of(1L, "2024-01-01", "fast")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("table stg.daily_power row 0 column avg_watts: cannot use String fast as FLOAT64");
    assertThatThrownBy(() -> BQ.execute("SELECT COUNT(*) FROM stg.daily_power",
        Map.of("stg.daily_power", List.of(List.of(1L)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 0 has 1 values but the table has 3 columns [athlete_id, day, avg_watts]");
    assertThat(BQ.execute("SELECT COUNT(*) AS n FROM stg.daily_power", Map.of("stg.daily_power", List.of())).rows())
        .containsExactly(List.of(0L));
  }

  @Test
  void bindsDeclaredNamedParameters() {
    GoogleSql bq = BQ.toBuilder().parameter("since", "DATE").parameter("@athlete", "INTEGER").build();
    String sql = "SELECT day FROM stg.daily_power WHERE athlete_id = @athlete AND day >= @since ORDER BY day";

    QueryRows rows = bq.execute(sql, Map.of("stg.daily_power", DAILY_POWER),
        Map.of("since", LocalDate.of(2024, 1, 3), "@athlete", 1L));

    assertThat(bq.parameters()).containsExactly(Map.entry("since", "DATE"), Map.entry("athlete", "INT64"));
    assertThat(rows.column("day")).containsExactly(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4));
    assertThatThrownBy(() -> bq.execute(sql, Map.of("stg.daily_power", DAILY_POWER), Map.of("since", "2024-01-03")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the query uses parameter @athlete but no value was given for it: pass it in the parameter values map");
    assertThatThrownBy(() -> bq.execute(sql, Map.of("stg.daily_power", DAILY_POWER), Map.of("until", 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parameter @until, which is not declared");
    assertThatThrownBy(() -> BQ.analyze("SELECT * FROM stg.daily_power WHERE day >= @since"))
        .isInstanceOf(GoogleSqlException.class)
        .hasMessageContaining("Query parameter 'since' not found");
  }

  @Test
  void rejectsStatementsItCannotExecute() {
    assertThatThrownBy(() -> BQ.execute("DELETE FROM stg.daily_power WHERE TRUE", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("this is a DeleteStmt");
    assertThatThrownBy(() -> BQ.execute("SELECT datediff('day', day, day) FROM stg.daily_power", Map.of()))
        .isInstanceOf(GoogleSqlException.class)
        .hasMessageContaining("Function not found: datediff");
  }
}
