package dev.paceline.platform.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.Lake;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbWarehouseTest {

    @TempDir
    Path dir;
    Lake lake;
    DuckDbWarehouse wh;

    @BeforeEach
    void open() {
        lake = new FileLake(dir.resolve("lake"));
        wh = new DuckDbWarehouse(null, lake);
    }

    @AfterEach
    void close() {
        wh.close();
    }

    @Test
    void anAppenderWritesEveryColumnTypeStraightIntoANewTable() {
        TableSchema schema = TableSchema.of(Column.of("athlete_id", ColumnType.INT64), Column.of("kind", ColumnType.STRING),
                Column.of("watts", ColumnType.FLOAT64), Column.of("ok", ColumnType.BOOL), Column.of("day", ColumnType.DATE),
                Column.of("at", ColumnType.DATETIME), Column.of("ts", ColumnType.TIMESTAMP),
                Column.of("n", ColumnType.NUMERIC), Column.array("tags", ColumnType.STRING));
        long rows;
        try (RowAppender appender = wh.appender("appended", schema)) {
            appender.append(7L, "power", 250.5, true, LocalDate.of(2024, 5, 1), LocalDateTime.of(2024, 5, 1, 7, 30),
                    Instant.parse("2024-05-01T07:30:00Z"), new BigDecimal("1.250000000"), List.of("a", "b"));
            appender.append(8, null, 3, false, "2024-05-02", null, null, null, null);
            rows = appender.finish();
        }
        assertThat(rows).isEqualTo(2);
        List<Map<String, Object>> read = wh.query("SELECT * FROM appended ORDER BY athlete_id");
        assertThat(read.get(0)).containsEntry("athlete_id", 7L).containsEntry("kind", "power").containsEntry("watts", 250.5)
                .containsEntry("ok", true).containsEntry("day", LocalDate.of(2024, 5, 1))
                .containsEntry("at", LocalDateTime.of(2024, 5, 1, 7, 30))
                .containsEntry("ts", Instant.parse("2024-05-01T07:30:00Z"))
                .containsEntry("n", new BigDecimal("1.250000000")).containsEntry("tags", List.of("a", "b"));
        assertThat(read.get(1)).containsEntry("athlete_id", 8L).containsEntry("kind", null).containsEntry("watts", 3.0)
                .containsEntry("day", LocalDate.of(2024, 5, 2)).containsEntry("tags", null);
        assertThat(lake.listAll("")).as("nothing staged in the lake").isEmpty();
    }

    @Test
    void anAppenderRefusesRowsThatDoNotFitAndTablesWithOtherColumns() {
        TableSchema schema = TableSchema.of(Column.of("athlete_id", ColumnType.INT64), Column.of("kind", ColumnType.STRING));
        try (RowAppender appender = wh.appender("appended", schema)) {
            assertThatThrownBy(() -> appender.append(1L))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has 1 values but the table has 2 columns [athlete_id, kind]");
            assertThatThrownBy(() -> appender.append(1.5, "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column athlete_id").hasMessageContaining("INT64").hasMessageContaining("Double");
            appender.append(1L, "x");
            assertThat(appender.finish()).isEqualTo(1);
        }
        wh.execute("CREATE TABLE other (a BIGINT)");
        assertThatThrownBy(() -> wh.appender("other", schema))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("has columns [a] but the rows have [athlete_id, kind]");
    }

    @Test
    void queryBindsNamedParametersAndNormalisesValues() {
        List<Map<String, Object>> rows = wh.query("""
                SELECT @i + 1 AS i, @d * 2 AS d, @s || '@notaparam' AS s, @b AS b, @day + 1 AS day,
                       @dt AS dt, @ts AS ts, @n AS n, CAST(7 AS INTEGER) AS small, [1, 2] AS arr,
                       -- @comment is ignored
                       "quoted@x" AS q
                FROM (SELECT 1 AS "quoted@x")
                """, Map.of("i", 41L, "d", 1.25, "s", "it's", "b", true, "day", LocalDate.of(2024, 2, 28),
                "dt", LocalDateTime.of(2024, 5, 1, 7, 30), "ts", Instant.parse("2024-05-01T07:30:00Z"),
                "n", new BigDecimal("12.500")));
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.keySet()).containsExactly("i", "d", "s", "b", "day", "dt", "ts", "n", "small", "arr", "q");
        assertThat(row.get("i")).isEqualTo(42L);
        assertThat(row.get("d")).isEqualTo(2.5);
        assertThat(row.get("s")).isEqualTo("it's@notaparam");
        assertThat(row.get("b")).isEqualTo(true);
        assertThat(row.get("day")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("dt")).isEqualTo(LocalDateTime.of(2024, 5, 1, 7, 30));
        assertThat(row.get("ts")).isEqualTo(Instant.parse("2024-05-01T07:30:00Z"));
        assertThat((BigDecimal) row.get("n")).isEqualByComparingTo("12.5");
        assertThat(row.get("small")).isEqualTo(7L);
        assertThat(row.get("arr")).isEqualTo(List.of(1L, 2L));
        assertThat(row.get("q")).isEqualTo(1L);
    }

    @Test
    void listParameterAndUnboundParameter() {
        assertThat(wh.query("SELECT count(*) AS c FROM range(10) t(x) WHERE list_contains(@ids, x)",
                Map.of("ids", List.of(1L, 3L, 5L)))).containsExactly(Map.of("c", 3L));
        assertThatThrownBy(() -> wh.query("SELECT @missing AS x", Map.of()))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("@missing is not bound");
    }

    @Test
    void loadNdjsonWithExplicitSchemaAppendAndTruncate() {
        lake.put("raw/a.json", """
                {"id": 1, "name": "Morning Ride", "day": "2024-05-01", "at": "2024-05-01T07:30:00Z", "watts": 210.5, "extra": {"x": 1}, "tags": ["a","b"], "payload": {"k": [1,2]}}
                {"id": 2, "name": "Evening Run", "day": "2024-05-02", "watts": null}
                """.getBytes(StandardCharsets.UTF_8));
        lake.put("raw/b.json", "{\"id\": 3}\n".getBytes(StandardCharsets.UTF_8));
        TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64), Column.of("name", ColumnType.STRING),
                Column.of("day", ColumnType.DATE), Column.of("at", ColumnType.TIMESTAMP),
                Column.of("watts", ColumnType.FLOAT64), Column.array("tags", ColumnType.STRING),
                Column.of("payload", ColumnType.JSON));
        assertThat(wh.load("raw_things", schema, List.of("raw/a.json", "raw/b.json"), WriteMode.APPEND)).isEqualTo(3);
        assertThat(wh.load("raw_things", schema, List.of("raw/b.json"), WriteMode.APPEND)).isEqualTo(1);
        assertThat(wh.query("SELECT count(*) AS c FROM raw_things")).containsExactly(Map.of("c", 4L));
        Map<String, Object> first = wh.query("SELECT * FROM raw_things WHERE id = 1").get(0);
        assertThat(first.get("name")).isEqualTo("Morning Ride");
        assertThat(first.get("day")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(first.get("at")).isEqualTo(Instant.parse("2024-05-01T07:30:00Z"));
        assertThat(first.get("watts")).isEqualTo(210.5);
        assertThat(first.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(first.get("payload")).isEqualTo("{\"k\":[1,2]}");

        assertThat(wh.load("raw_things", schema, List.of("raw/b.json"), WriteMode.TRUNCATE)).isEqualTo(1);
        assertThat(wh.query("SELECT id FROM raw_things")).containsExactly(Map.of("id", 3L));
        assertThat(wh.describe("raw_things")).contains(schema);
        assertThat(wh.describe("nope")).isEmpty();
    }

    @Test
    void failedTruncateLoadLeavesTableUnchanged() {
        lake.put("raw/ok.json", "{\"id\": 1}\n".getBytes(StandardCharsets.UTF_8));
        lake.put("raw/bad.json", "{\"id\": \"not a number\"}\n".getBytes(StandardCharsets.UTF_8));
        TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64));
        wh.load("t", schema, List.of("raw/ok.json"), WriteMode.APPEND);
        assertThatThrownBy(() -> wh.load("t", schema, List.of("raw/ok.json", "raw/bad.json"), WriteMode.TRUNCATE))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("\"main\".\"t\"");
        assertThat(wh.query("SELECT id FROM t")).containsExactly(Map.of("id", 1L));
    }

    @Test
    void executeAtomicallyRollsBackOnFailure() {
        wh.execute("CREATE TABLE t (id BIGINT)");
        assertThatThrownBy(() -> wh.executeAtomically(List.of("INSERT INTO t VALUES (1)", "INSERT INTO nope VALUES (2)")))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("INSERT INTO nope");
        assertThat(wh.query("SELECT count(*) AS c FROM t")).containsExactly(Map.of("c", 0L));
        wh.executeAtomically(List.of("INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"));
        assertThat(wh.query("SELECT count(*) AS c FROM t")).containsExactly(Map.of("c", 2L));
        assertThat(wh.execute("DELETE FROM t WHERE id = @id", Map.of("id", 1L))).isEqualTo(1);
        wh.execute("CREATE TABLE u (x BIGINT); INSERT INTO u VALUES (5);");
        assertThat(wh.query("SELECT x FROM u")).containsExactly(Map.of("x", 5L));
        assertThat(wh.export("SELECT x FROM u;", Map.of(), "e/u.ndjson.gz").rows()).isEqualTo(1);
    }

    @Test
    void exportWritesIsoTemporalNdjsonGzip() throws IOException {
        wh.execute("CREATE TABLE m AS SELECT 7::BIGINT AS athlete_id, DATE '2024-05-01' AS day,"
                + " TIMESTAMP '2024-05-01 07:30:00' AS local_start, TIMESTAMPTZ '2024-05-01 07:30:00+00' AS start_ts,"
                + " 1.5::DOUBLE AS watts, 'x' AS s UNION ALL SELECT 8, NULL, NULL, NULL, NULL, NULL");
        ExportResult result = wh.export("SELECT * FROM m WHERE athlete_id = @a", Map.of("a", 7L), "serving/b1/athlete_id=7/m");
        assertThat(result.rows()).isEqualTo(1);
        assertThat(result.lakePaths()).containsExactly("serving/b1/athlete_id=7/m/part-00000.ndjson.gz");
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(
                lake.get(result.lakePaths().get(0)).orElseThrow())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.strip()).isEqualTo("{\"athlete_id\":7,\"day\":\"2024-05-01\","
                + "\"local_start\":\"2024-05-01T07:30:00.000000\",\"start_ts\":\"2024-05-01T07:30:00.000000Z\","
                + "\"watts\":1.5,\"s\":\"x\"}");
        assertThat(wh.export("SELECT * FROM m", Map.of(), "serving/b1/all.ndjson.gz").lakePaths())
                .containsExactly("serving/b1/all.ndjson.gz");

        wh.export("SELECT 0.1::DOUBLE AS a, 1e20::DOUBLE AS b, 'NaN'::DOUBLE AS c, '-inf'::DOUBLE AS d,"
                + " NULL::DOUBLE AS e, 81.25::DECIMAL(38,9) AS f, [1, 2] AS g, '{\"k\":1}'::JSON AS h", Map.of(), "serving/n.ndjson.gz");
        assertThat(gunzip(lake.get("serving/n.ndjson.gz").orElseThrow()).strip()).isEqualTo("{\"a\":0.1,\"b\":100000000000000000000.0,"
                + "\"c\":\"NaN\",\"d\":\"-Infinity\",\"e\":null,\"f\":81.250000000,\"g\":[1,2],\"h\":{\"k\":1}}");
    }

    @Test
    void sessionsRunInUtcLikeBigQuery() {
        assertThat(wh.query("SELECT current_setting('TimeZone') AS tz,"
                + " CAST(TIMESTAMPTZ '2024-05-01 23:30:00+00' AS DATE) AS day,"
                + " date_trunc('day', TIMESTAMPTZ '2024-05-01 23:30:00+00') AS midnight").get(0))
                .containsEntry("tz", "UTC")
                .containsEntry("day", LocalDate.of(2024, 5, 1))
                .containsEntry("midnight", Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void qualifyQuotes() {
        assertThat(wh.qualify("fct_x")).isEqualTo("\"main\".\"fct_x\"");
        assertThat(wh.qualify("s.we\"ird")).isEqualTo("\"s\".\"we\"\"ird\"");
    }

    @Test
    void aFileDatabaseKeepsItsTablesAcrossReopen() {
        Path file = dir.resolve("db/warehouse.duckdb");
        try (DuckDbWarehouse first = new DuckDbWarehouse(file, lake)) {
            first.execute("CREATE TABLE kept AS SELECT 42::BIGINT AS answer");
        }
        try (DuckDbWarehouse second = new DuckDbWarehouse(file, lake)) {
            assertThat(second.query("SELECT answer FROM kept")).containsExactly(Map.of("answer", 42L));
            assertThat(second.toString()).contains(file.toString());
        }
    }

    @Test
    void loadsAndExportsThroughALakeThatIsNotAFolder() throws IOException {
        Lake gcs = new dev.paceline.platform.lake.GcsLake(
                com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper.getOptions().getService(), "b-1", "p");
        try (DuckDbWarehouse onGcs = new DuckDbWarehouse(null, gcs)) {
            gcs.put("raw/1.json", "{\"id\": 1, \"ok\": true, \"tss\": 81.25, \"at\": \"2024-05-01T07:30:00\"}\n"
                    .getBytes(StandardCharsets.UTF_8));
            gcs.put("raw/2.json.gz", gzip("{\"id\": 2}\n{\"id\": 3}\n"));
            TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64), Column.of("ok", ColumnType.BOOL),
                    Column.of("tss", ColumnType.NUMERIC), Column.of("at", ColumnType.DATETIME));
            assertThat(onGcs.load("t", schema, List.of("raw/1.json", "raw/2.json.gz"), WriteMode.APPEND)).isEqualTo(3);
            Map<String, Object> row = onGcs.query("SELECT * FROM t WHERE id = 1").get(0);
            assertThat(row.get("ok")).isEqualTo(true);
            assertThat((BigDecimal) row.get("tss")).isEqualByComparingTo("81.25");
            assertThat(row.get("at")).isEqualTo(LocalDateTime.of(2024, 5, 1, 7, 30));
            ExportResult out = onGcs.export("SELECT id FROM t ORDER BY id", Map.of(), "serving/x.ndjson.gz");
            assertThat(out.rows()).isEqualTo(3);
            assertThat(gunzip(gcs.get("serving/x.ndjson.gz").orElseThrow())).isEqualTo("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n");
        }
    }

    @Test
    void aMissingLakeObjectFailsTheLoadNamingIt() {
        TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64));
        assertThatThrownBy(() -> wh.load("t", schema, List.of("raw/none.json"), WriteMode.APPEND))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("raw/none.json").hasMessageContaining("does not exist");
        assertThat(wh.load("t", schema, List.of(), WriteMode.TRUNCATE)).isZero();
        assertThat(wh.describe("t")).contains(schema);
    }

    @Test
    void threadsShareTheWarehouseSafely() throws Exception {
        wh.execute("CREATE TABLE n AS SELECT range AS x FROM range(1000)");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long limit = i * 10L;
                results.add(pool.submit(() -> wh.query("SELECT count(*) AS c FROM n WHERE x < @limit",
                        Map.of("limit", limit)).get(0).get("c")));
            }
            for (int i = 0; i < 40; i++) {
                assertThat(results.get(i).get()).isEqualTo(i * 10L);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
