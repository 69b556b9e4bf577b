package dev.paceline.platform.testing.googlesql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoogleSqlAnalysisTest {

  static final GoogleSql BQ = GoogleSql.builder()
      .table("stg.samples", "athlete_id INT64, day DATE, started_at TIMESTAMP, watts FLOAT64, distance_m NUMERIC,"
          + " moving_s INT64, payload STRING, tags ARRAY<STRING>, device STRUCT<name STRING, firmware INT64>")
      .table("raw.activities", "athlete_id INTEGER, activity_id BIGINT, body JSON, fetched_at DATETIME, ok BOOLEAN")
      .table("paceline-prod.marts.fct_activities", "athlete_id INT64, activity_id INT64, day DATE")
      .build();

  @Test
  void acceptsQualifySafeDivideDateDiffAndWindowFrames() {
    Analysis analysis = BQ.analyze("""
        SELECT
          athlete_id,
          day,
          SAFE_DIVIDE(distance_m, moving_s) AS speed_mps,
          DATE_DIFF(day, DATE '2024-01-01', DAY) AS day_index,
          AVG(watts) OVER (PARTITION BY athlete_id ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS watts_7,
          SUM(moving_s) OVER (PARTITION BY athlete_id ORDER BY UNIX_DATE(day) RANGE BETWEEN 27 PRECEDING AND CURRENT ROW)
            AS moving_28d,
          LAG(watts) OVER w AS previous_watts
        FROM stg.samples
        WHERE TRUE
        QUALIFY ROW_NUMBER() OVER (PARTITION BY athlete_id, day ORDER BY started_at DESC) = 1
        WINDOW w AS (PARTITION BY athlete_id ORDER BY started_at)
        """);

    assertThat(analysis.kind()).isEqualTo("QueryStmt");
    assertThat(analysis.schema()).isEqualTo("athlete_id INT64, day DATE, speed_mps NUMERIC, day_index INT64, "
        + "watts_7 FLOAT64, moving_28d INT64, previous_watts FLOAT64");
    assertThat(analysis.referencedTables()).containsExactly("stg.samples");
    assertThat(analysis.targetTable()).isEmpty();
  }

  @Test
  void qualifyWithoutWhereIsRejectedAsInBigQuery() {
    GoogleSqlException e = catchThrowableOfType(GoogleSqlException.class, () -> BQ.analyze(
        "SELECT athlete_id FROM stg.samples QUALIFY ROW_NUMBER() OVER (PARTITION BY athlete_id ORDER BY day) = 1"));

    assertThat(e.analyzerMessage())
        .isEqualTo("QUALIFY clause must be used in conjunction with WHERE or GROUP BY or HAVING clause");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(36);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      datediff('day', day, day)            | Function not found: datediff; Did you mean date_diff? | 2 | 3
      list_value(1, 2)                     | Function not found: list_value; Did you mean last_value? | 2 | 3
      strftime(day, '%Y-%m')               | Function not found: strftime | 2 | 3
      watts::INTEGER                       | Syntax error: Expected end of input but got \":\" | 2 | 8
      epoch(started_at)                    | Function not found: epoch; Did you mean acosh? | 2 | 3
      {'name': 'ride'}                     | Syntax error: Unexpected string literal 'name' | 2 | 4
      date_trunc('week', day)              | Could not cast literal \"week\" to type DATE | 2 | 14
      """)
  void rejectsDuckDbOnlySyntaxWithMessageAndPosition(String expression, String message, int line, int column) {
    String sql = "SELECT\n  " + expression + " AS x\nFROM stg.samples";

    GoogleSqlException e = catchThrowableOfType(GoogleSqlException.class, () -> BQ.analyze(sql));

    assertThat(e).as("DuckDB-only expression %s must be rejected", expression).isNotNull();
    assertThat(e.analyzerMessage()).isEqualTo(message);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.getMessage()).contains("at line " + line + ", column " + column)
        .contains("  " + expression + " AS x");
  }

  @Test
  void rejectsUnknownTableAndColumnWithPosition() {
    GoogleSqlException table = catchThrowableOfType(GoogleSqlException.class,
        () -> BQ.analyze("SELECT 1\nFROM stg.sample"));
    assertThat(table.analyzerMessage()).isEqualTo("Table not found: stg.sample; Did you mean stg.samples?");
    assertThat(table.line()).isEqualTo(2);
    assertThat(table.column()).isEqualTo(6);

    GoogleSqlException column = catchThrowableOfType(GoogleSqlException.class,
        () -> BQ.analyze("SELECT athlete_id, wats FROM stg.samples"));
    assertThat(column.analyzerMessage()).isEqualTo("Unrecognized name: wats; Did you mean watts?");
    assertThat(column.line()).isEqualTo(1);
    assertThat(column.column()).isEqualTo(20);
  }

  @Test
  void enforcesBigQueryTypeRules() {
    assertThatThrownBy(() -> BQ.analyze("SELECT watts, COUNT(*) FROM stg.samples GROUP BY watts"))
        .isInstanceOf(GoogleSqlException.class)
        .hasMessageContaining("Grouping by expressions of type FLOAT64 is not allowed");
    assertThatThrownBy(() -> BQ.analyze("SELECT athlete_id + payload FROM stg.samples"))
        .isInstanceOf(GoogleSqlException.class)
        .hasMessageContaining("No matching signature for operator +");
    assertThatThrownBy(() -> BQ.analyze("SELECT ARRAY_TRANSFORM(tags, t -> UPPER(t)) FROM stg.samples"))
        .isInstanceOf(GoogleSqlException.class);
    // INT64/FLOAT64 are the external type names; `/` always yields FLOAT64 in BigQuery.
    assertThat(BQ.analyze("SELECT 1 / 2 AS half, CAST(1 AS INT64) AS one").schema())
        .isEqualTo("half FLOAT64, one INT64");
    // Valid BigQuery that DuckDB users might doubt: array literals, INTERVAL arithmetic, GROUP BY ALL.
    assertThat(BQ.analyze("SELECT [1, 2, 3] AS a, day - INTERVAL 1 DAY AS before FROM stg.samples").schema())
        .isEqualTo("a ARRAY<INT64>, before DATETIME");
    assertThat(BQ.analyze("SELECT athlete_id, COUNT(*) AS n FROM stg.samples GROUP BY ALL").schema())
        .isEqualTo("athlete_id INT64, n INT64");
  }

  @Test
  void resolvesDottedQuotedAndThreePartTableNames() {
    assertThat(BQ.analyze("SELECT COUNT(*) AS n FROM `stg.samples`").referencedTables()).containsExactly("stg.samples");
    assertThat(BQ.analyze("SELECT COUNT(*) AS n FROM `stg`.samples").referencedTables())
        .containsExactly("stg.samples");
    assertThat(BQ.analyze("SELECT day FROM `paceline-prod.marts.fct_activities`").referencedTables())
        .containsExactly("paceline-prod.marts.fct_activities");
    assertThat(BQ.analyze("SELECT day FROM `paceline-prod`.marts.fct_activities").schema()).isEqualTo("day DATE");
  }

  @Test
  void analysesCreateTableAsViewAndMerge() {
    Analysis ctas = BQ.analyze("""
        CREATE OR REPLACE TABLE marts.agg_daily
        PARTITION BY day
        CLUSTER BY athlete_id
        OPTIONS (description = 'daily totals')
        AS
        SELECT athlete_id, day, SUM(moving_s) AS moving_s, ANY_VALUE(device.name) AS device
        FROM stg.samples
        GROUP BY athlete_id, day
        """);
    assertThat(ctas.kind()).isEqualTo("CreateTableAsSelectStmt");
    assertThat(ctas.targetTable()).contains("marts.agg_daily");
    assertThat(ctas.schema()).isEqualTo("athlete_id INT64, day DATE, moving_s INT64, device STRING");

    Analysis view = BQ.analyze("CREATE OR REPLACE VIEW marts.v_tags AS SELECT athlete_id, tag "
        + "FROM stg.samples, UNNEST(tags) AS tag");
    assertThat(view.kind()).isEqualTo("CreateViewStmt");
    assertThat(view.schema()).isEqualTo("athlete_id INT64, tag STRING");

    Analysis merge = BQ.analyze("""
        MERGE `paceline-prod.marts.fct_activities` AS t
        USING (SELECT athlete_id, activity_id, DATE(fetched_at) AS day FROM raw.activities) AS s
        ON t.activity_id = s.activity_id
        WHEN MATCHED THEN UPDATE SET day = s.day
        WHEN NOT MATCHED THEN INSERT (athlete_id, activity_id, day) VALUES (s.athlete_id, s.activity_id, s.day)
        WHEN NOT MATCHED BY SOURCE THEN DELETE
        """);
    assertThat(merge.kind()).isEqualTo("MergeStmt");
    assertThat(merge.targetTable()).contains("paceline-prod.marts.fct_activities");
    assertThat(merge.referencedTables()).containsExactly("paceline-prod.marts.fct_activities", "raw.activities");
  }

  @Test
  void analysesJsonAndUnnestWithOffset() {
    Analysis analysis = BQ.analyze("""
        SELECT
          JSON_VALUE(payload, '$.name') AS name,
          SAFE_CAST(JSON_VALUE(body, '$.moving_time') AS INT64) AS moving_time,
          lap,
          lap_index,
          d
        FROM stg.samples
        JOIN raw.activities USING (athlete_id),
          UNNEST(JSON_QUERY_ARRAY(payload, '$.laps')) AS lap WITH OFFSET AS lap_index,
          UNNEST(GENERATE_DATE_ARRAY(DATE_TRUNC(day, WEEK(MONDAY)), day)) AS d
        """);
    assertThat(analysis.schema())
        .isEqualTo("name STRING, moving_time INT64, lap STRING, lap_index INT64, d DATE");
  }

  @Test
  void analysesScriptsWhereLaterStatementsReadEarlierTables() {
    List<Analysis> script = BQ.analyzeScript("""
        -- staging
        CREATE OR REPLACE TABLE stg.daily AS
        SELECT athlete_id, day, SUM(moving_s) AS moving_s FROM stg.samples GROUP BY athlete_id, day;

        CREATE OR REPLACE VIEW marts.weekly AS
        SELECT athlete_id, DATE_TRUNC(day, ISOWEEK) AS week, SUM(moving_s) AS moving_s
        FROM stg.daily GROUP BY athlete_id, week;

        SELECT * FROM marts.weekly WHERE moving_s > 0;
        /* trailing comment */
        """);

    assertThat(script).extracting(Analysis::kind)
        .containsExactly("CreateTableAsSelectStmt", "CreateViewStmt", "QueryStmt");
    assertThat(script.get(2).schema()).isEqualTo("athlete_id INT64, week DATE, moving_s INT64");
    assertThat(script.get(2).sql()).isEqualTo("SELECT * FROM marts.weekly WHERE moving_s > 0");
    assertThat(script.get(1).referencedTables()).containsExactly("stg.daily");
    // The base catalog is unchanged: the script's tables were private to it.
    assertThatThrownBy(() -> BQ.analyze("SELECT * FROM stg.daily")).isInstanceOf(GoogleSqlException.class);
  }

  @Test
  void droppedTablesAreGoneForLaterStatements() {
    GoogleSqlException e = catchThrowableOfType(GoogleSqlException.class, () -> BQ.analyzeScript("""
        CREATE TEMP TABLE scratch AS SELECT athlete_id FROM stg.samples;
        SELECT COUNT(*) FROM scratch;
        DROP TABLE scratch;
        SELECT COUNT(*) FROM scratch;
        """));

    assertThat(e.analyzerMessage()).isEqualTo("Table not found: scratch");
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void scriptErrorsCarryPositionsInTheWholeScript() {
    GoogleSqlException e = catchThrowableOfType(GoogleSqlException.class, () -> BQ.analyzeScript("""
        CREATE OR REPLACE TABLE stg.daily AS SELECT athlete_id, day FROM stg.samples;
        SELECT athlete_id,
               datediff('day', day, day) AS days
        FROM stg.daily;
        """));

    assertThat(e.analyzerMessage()).startsWith("Function not found: datediff");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(8);
  }

  @Test
  void withTableAddsAModelsOutputForDownstreamModels() {
    Analysis daily = BQ.analyze("CREATE OR REPLACE TABLE int.daily AS "
        + "SELECT athlete_id, day, AVG(watts) AS avg_watts FROM stg.samples GROUP BY athlete_id, day");
    GoogleSql next = BQ.withTable(daily.targetTable().orElseThrow(), daily.outputColumns());

    assertThat(next.analyze("SELECT MAX(avg_watts) AS best FROM int.daily").schema()).isEqualTo("best FLOAT64");
    assertThat(next.tables()).containsKeys("stg.samples", "int.daily");
    assertThat(BQ.tables()).doesNotContainKey("int.daily");
  }

  @Test
  void rejectsEmptySql() {
    assertThatThrownBy(() -> BQ.analyze("  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SQL is empty");
  }
}
