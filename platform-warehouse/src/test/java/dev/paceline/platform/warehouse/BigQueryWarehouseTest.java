package dev.paceline.platform.warehouse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.GcsLake;
import dev.paceline.platform.lake.Lake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BigQueryWarehouse} against WireMock standing in for the BigQuery REST endpoint: every test asserts the JSON
 * the client sent (job configuration, parameters, URIs, schema, location) and how the answer is mapped.
 */
class BigQueryWarehouseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOBS = "/bigquery/v2/projects/proj-1/jobs";

    WireMockServer wm;
    Storage storage;
    Lake lake;
    BigQueryWarehouse wh;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().templatingEnabled(true).globalTemplating(false));
        wm.start();
        BigQuery client = BigQueryOptions.newBuilder()
                .setHost(wm.baseUrl())
                .setProjectId("proj-1")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build())
                .build().getService();
        storage = LocalStorageHelper.getOptions().getService();
        lake = new GcsLake(storage, "paceline-lake", "prod");
        wh = new BigQueryWarehouse(client, "proj-1", "paceline", "EU", lake);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private void stubJob(String statisticsJson) {
        stubJob(statisticsJson, "\"totalRows\":\"0\"");
    }

    /** What jobs.get returns as configuration: BigQuery fills in the (anonymous) destination table. */
    private static final String QUERY_CONFIG = "{\"jobType\":\"QUERY\",\"query\":{\"query\":\"(as posted)\","
            + "\"destinationTable\":{\"projectId\":\"proj-1\",\"datasetId\":\"_anon\",\"tableId\":\"anon1\"}}}";
    private static final String LOAD_CONFIG = "{\"jobType\":\"LOAD\",\"load\":{\"sourceUris\":[],"
            + "\"destinationTable\":{\"projectId\":\"proj-1\",\"datasetId\":\"paceline\",\"tableId\":\"t\"}}}";

    private void stubJob(String statisticsJson, String resultsJson) {
        stubJob(QUERY_CONFIG, statisticsJson, resultsJson);
    }

    /**
     * Job insert echoes the posted job as DONE with {@code statisticsJson}; job get answers the same; query results
     * answer {@code resultsJson} (schema, rows, totalRows).
     */
    private void stubJob(String configJson, String statisticsJson, String resultsJson) {
        // Job.getQueryResults waits on jobs.getQueryResults, then pages the destination table with tabledata.list.
        wm.stubFor(get(urlPathMatching("/bigquery/v2/projects/proj-1/datasets/_anon/tables/anon1/data"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"bigquery#tableDataList\"," + resultsJson + "}")));
        wm.stubFor(get(urlPathMatching("/bigquery/v2/projects/proj-1/queries/[^/]+")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"bigquery#getQueryResultsResponse\",\"jobReference\":{\"projectId\":\"proj-1\","
                        + "\"location\":\"EU\",\"jobId\":\"{{request.pathSegments.[5]}}\"},\"jobComplete\":true,"
                        + resultsJson + "}")
                .withTransformers("response-template")));
        String job = "{\"kind\":\"bigquery#job\",\"id\":\"proj-1:EU.{{jsonPath request.body '$.jobReference.jobId'}}\","
                + "\"jobReference\":{\"projectId\":\"proj-1\",\"location\":\"EU\","
                + "\"jobId\":\"{{jsonPath request.body '$.jobReference.jobId'}}\"},"
                + "\"configuration\":{{{jsonPath request.body '$.configuration'}}},"
                + "\"status\":{\"state\":\"DONE\"},\"statistics\":" + statisticsJson + "}";
        wm.stubFor(post(urlPathMatching(JOBS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(job).withTransformers("response-template")));
        wm.stubFor(get(urlPathMatching(JOBS + "/[^/]+")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"bigquery#job\",\"jobReference\":{\"projectId\":\"proj-1\",\"location\":\"EU\","
                        + "\"jobId\":\"{{request.pathSegments.[5]}}\"},\"configuration\":" + configJson
                        + ",\"status\":{\"state\":\"DONE\"},\"statistics\":"
                        + statisticsJson + "}")
                .withTransformers("response-template")));
    }

    private JsonNode postedJob(int index) throws Exception {
        List<LoggedRequest> posts = wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathMatching(JOBS)));
        return JSON.readTree(posts.get(index).getBodyAsString());
    }

    @Test
    void executeSendsAQueryJobWithNamedParametersLocationAndDefaultDataset() throws Exception {
        stubJob("{\"query\":{\"numDmlAffectedRows\":\"3\",\"statementType\":\"DELETE\"}}");
        long affected = wh.execute("DELETE FROM stg_x WHERE athlete_id = @athlete AND day >= @since AND '@not' != @s",
                Map.of("athlete", 42L, "since", LocalDate.of(2024, 5, 1), "s", "it's", "unused", 1.5));
        assertThat(affected).isEqualTo(3);

        JsonNode job = postedJob(0);
        assertThat(job.at("/jobReference/projectId").asText()).isEqualTo("proj-1");
        assertThat(job.at("/jobReference/location").asText()).isEqualTo("EU");
        assertThat(job.at("/jobReference/jobId").asText()).startsWith("paceline_statement_");
        JsonNode query = job.at("/configuration/query");
        assertThat(query.get("query").asText())
                .isEqualTo("DELETE FROM stg_x WHERE athlete_id = @athlete AND day >= @since AND '@not' != @s");
        assertThat(query.get("useLegacySql").asBoolean()).isFalse();
        assertThat(query.at("/defaultDataset/projectId").asText()).isEqualTo("proj-1");
        assertThat(query.at("/defaultDataset/datasetId").asText()).isEqualTo("paceline");
        assertThat(parameters(query)).containsOnly(
                Map.entry("athlete", "INT64=42"), Map.entry("since", "DATE=2024-05-01"), Map.entry("s", "STRING=it's"));
    }

    @Test
    void parameterTypesFollowTheJavaTypes() throws Exception {
        stubJob("{\"query\":{}}");
        wh.execute("SELECT @d, @ts, @dt, @n, @b, @ids, @names, @nothing",
                new java.util.HashMap<>(Map.of("d", 2.5, "ts", Instant.parse("2024-05-01T07:30:00.123456Z"),
                        "dt", LocalDateTime.of(2024, 5, 1, 7, 30), "n", new java.math.BigDecimal("1.25"), "b", true,
                        "ids", List.of(1L, 2L), "names", List.of("a", "b"))) {{
                    put("nothing", null);
                }});
        JsonNode query = postedJob(0).at("/configuration/query");
        Map<String, String> params = parameters(query);
        assertThat(params).containsEntry("d", "FLOAT64=2.5").containsEntry("b", "BOOL=true")
                .containsEntry("n", "NUMERIC=1.25").containsEntry("dt", "DATETIME=2024-05-01 07:30:00.000000")
                .containsEntry("ts", "TIMESTAMP=2024-05-01 07:30:00.123456+00:00")
                .containsEntry("ids", "ARRAY<INT64>=[1, 2]").containsEntry("names", "ARRAY<STRING>=[a, b]")
                .containsEntry("nothing", "STRING=null");
    }

    @Test
    void queryMapsEveryTypeToThePortsValues() throws Exception {
        stubJob("{\"query\":{}}", """
                "totalRows": "2",
                "schema": {"fields": [
                  {"name": "athlete_id", "type": "INTEGER", "mode": "NULLABLE"},
                  {"name": "watts", "type": "FLOAT", "mode": "NULLABLE"},
                  {"name": "tss", "type": "NUMERIC", "mode": "NULLABLE"},
                  {"name": "is_race", "type": "BOOLEAN", "mode": "NULLABLE"},
                  {"name": "name", "type": "STRING", "mode": "NULLABLE"},
                  {"name": "day", "type": "DATE", "mode": "NULLABLE"},
                  {"name": "local_start", "type": "DATETIME", "mode": "NULLABLE"},
                  {"name": "start_ts", "type": "TIMESTAMP", "mode": "NULLABLE"},
                  {"name": "payload", "type": "JSON", "mode": "NULLABLE"},
                  {"name": "durations", "type": "INTEGER", "mode": "REPEATED"}]},
                "rows": [
                  {"f": [{"v": "7"}, {"v": "210.5"}, {"v": "81.25"}, {"v": "true"}, {"v": "Morning Ride"},
                         {"v": "2024-05-01"}, {"v": "2024-05-01T07:30:00"}, {"v": "1.7145486E9"}, {"v": "{\\"k\\":1}"},
                         {"v": [{"v": "5"}, {"v": "60"}]}]},
                  {"f": [{"v": "8"}, {"v": null}, {"v": null}, {"v": null}, {"v": null},
                         {"v": null}, {"v": null}, {"v": null}, {"v": null}, {"v": []}]}
                ]""");
        List<Map<String, Object>> rows = wh.query("SELECT * FROM fct_x WHERE athlete_id IN UNNEST(@ids)",
                Map.of("ids", List.of(7L, 8L)));
        assertThat(rows).hasSize(2);
        Map<String, Object> first = rows.get(0);
        assertThat(first.keySet()).containsExactly("athlete_id", "watts", "tss", "is_race", "name", "day",
                "local_start", "start_ts", "payload", "durations");
        assertThat(first.get("athlete_id")).isEqualTo(7L);
        assertThat(first.get("watts")).isEqualTo(210.5);
        assertThat(first.get("tss")).isEqualTo(new java.math.BigDecimal("81.25"));
        assertThat(first.get("is_race")).isEqualTo(true);
        assertThat(first.get("name")).isEqualTo("Morning Ride");
        assertThat(first.get("day")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(first.get("local_start")).isEqualTo(LocalDateTime.of(2024, 5, 1, 7, 30));
        assertThat(first.get("start_ts")).isEqualTo(Instant.parse("2024-05-01T07:30:00Z"));
        assertThat(first.get("payload")).isEqualTo("{\"k\":1}");
        assertThat(first.get("durations")).isEqualTo(List.of(5L, 60L));
        Map<String, Object> second = rows.get(1);
        assertThat(second.get("watts")).isNull();
        assertThat(second.get("day")).isNull();
        assertThat(second.get("durations")).isEqualTo(List.of());
        assertThat(postedJob(0).at("/jobReference/jobId").asText()).startsWith("paceline_query_");
    }

    @Test
    void aJobErrorNamesTheJobAndBigQuerysMessage() throws Exception {
        String failed = "{\"kind\":\"bigquery#job\",\"jobReference\":{\"projectId\":\"proj-1\",\"location\":\"EU\","
                + "\"jobId\":\"{{jsonPath request.body '$.jobReference.jobId'}}\"},"
                + "\"configuration\":{\"jobType\":\"QUERY\",\"query\":{\"query\":\"x\"}},"
                + "\"status\":{\"state\":\"DONE\",\"errorResult\":{\"reason\":\"invalidQuery\","
                + "\"location\":\"query\",\"message\":\"Unrecognized name: wats at [1:8]\"},"
                + "\"errors\":[{\"reason\":\"invalidQuery\",\"message\":\"Unrecognized name: wats at [1:8]\"}]}}";
        wm.stubFor(post(urlPathMatching(JOBS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(failed).withTransformers("response-template")));
        wm.stubFor(get(urlPathMatching(JOBS + "/[^/]+")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(failed.replace(
                        "{{jsonPath request.body '$.jobReference.jobId'}}", "{{request.pathSegments.[5]}}"))
                .withTransformers("response-template")));
        wm.stubFor(get(urlPathMatching("/bigquery/v2/projects/proj-1/queries/[^/]+")).willReturn(aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":400,\"message\":\"Unrecognized name: wats at [1:8]\","
                        + "\"errors\":[{\"reason\":\"invalidQuery\",\"message\":\"Unrecognized name: wats at [1:8]\"}],"
                        + "\"status\":\"INVALID_ARGUMENT\"}}")));

        assertThatThrownBy(() -> wh.query("SELECT wats FROM fct_x", Map.of()))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("Unrecognized name: wats at [1:8]")
                .hasMessageContaining("SELECT wats FROM fct_x")
                .satisfies(e -> assertThat(e.getMessage()).contains(postedJob(0).at("/jobReference/jobId").asText()));
    }

    @Test
    void executeAtomicallyRunsOneTransactionScriptAndNamesTheFailingStatement() throws Exception {
        stubJob("{\"query\":{}}");
        wh.executeAtomically(List.of("DELETE FROM t WHERE athlete_id = 7;", "INSERT INTO t\nSELECT * FROM s"));
        String script = postedJob(0).at("/configuration/query/query").asText();
        assertThat(script).isEqualTo("""
                BEGIN
                  BEGIN TRANSACTION;
                DELETE FROM t WHERE athlete_id = 7;
                INSERT INTO t
                SELECT * FROM s;
                  COMMIT TRANSACTION;
                EXCEPTION WHEN ERROR THEN
                  ROLLBACK TRANSACTION;
                  RAISE USING MESSAGE = @@error.message;
                END;
                """);
        assertThat(postedJob(0).at("/configuration/query/queryParameters").isMissingNode()
                || postedJob(0).at("/configuration/query/queryParameters").isEmpty()).isTrue();

        wm.resetAll();
        String failed = "{\"kind\":\"bigquery#job\",\"jobReference\":{\"projectId\":\"proj-1\",\"location\":\"EU\","
                + "\"jobId\":\"j\"},\"configuration\":{\"jobType\":\"QUERY\",\"query\":{\"query\":\"x\"}},"
                + "\"status\":{\"state\":\"DONE\",\"errorResult\":{\"reason\":\"invalidQuery\","
                + "\"message\":\"Table proj-1:paceline.nope was not found at [4:13]\"}}}";
        wm.stubFor(post(urlPathMatching(JOBS)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(failed)));
        wm.stubFor(get(urlPathMatching(JOBS + "/[^/]+")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(failed)));
        wm.stubFor(get(urlPathMatching("/bigquery/v2/projects/proj-1/queries/[^/]+")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"jobReference\":{\"projectId\":\"proj-1\",\"jobId\":\"j\"},\"jobComplete\":true}")));
        assertThatThrownBy(() -> wh.executeAtomically(List.of("DELETE FROM t WHERE true", "INSERT INTO nope SELECT 1")))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("was not found at [4:13]")
                .hasMessageContaining("failing statement: INSERT INTO nope SELECT 1")
                .hasMessageContaining("rolled back");
    }

    @Test
    void loadSendsALoadJobFromGcsUrisWithSchemaAndWriteDisposition() throws Exception {
        stubJob(LOAD_CONFIG, "{\"load\":{\"outputRows\":\"3000\",\"inputFiles\":\"2\"}}", "\"totalRows\":\"0\"");
        TableSchema schema = TableSchema.of(Column.of("athlete_id", ColumnType.INT64), Column.of("payload", ColumnType.JSON),
                Column.of("fetched_at", ColumnType.TIMESTAMP), Column.array("tags", ColumnType.STRING));
        long rows = wh.load("raw_strava__activities", schema,
                List.of("raw/strava/athlete_id=7/activities/1.json", "raw/strava/athlete_id=7/activities/2.json"),
                WriteMode.TRUNCATE);
        assertThat(rows).isEqualTo(3000);

        JsonNode job = postedJob(0);
        assertThat(job.at("/jobReference/location").asText()).isEqualTo("EU");
        assertThat(job.at("/jobReference/jobId").asText()).startsWith("paceline_load_");
        JsonNode load = job.at("/configuration/load");
        assertThat(load.get("sourceUris")).extracting(JsonNode::asText).containsExactly(
                "gs://paceline-lake/prod/raw/strava/athlete_id=7/activities/1.json",
                "gs://paceline-lake/prod/raw/strava/athlete_id=7/activities/2.json");
        assertThat(load.get("sourceFormat").asText()).isEqualTo("NEWLINE_DELIMITED_JSON");
        assertThat(load.get("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(load.get("createDisposition").asText()).isEqualTo("CREATE_IF_NEEDED");
        assertThat(load.get("ignoreUnknownValues").asBoolean()).isTrue();
        assertThat(load.at("/destinationTable/projectId").asText()).isEqualTo("proj-1");
        assertThat(load.at("/destinationTable/datasetId").asText()).isEqualTo("paceline");
        assertThat(load.at("/destinationTable/tableId").asText()).isEqualTo("raw_strava__activities");
        assertThat(load.at("/schema/fields").toString()).isEqualTo("[{\"mode\":\"NULLABLE\",\"name\":\"athlete_id\","
                + "\"type\":\"INTEGER\"},{\"mode\":\"NULLABLE\",\"name\":\"payload\",\"type\":\"JSON\"},"
                + "{\"mode\":\"NULLABLE\",\"name\":\"fetched_at\",\"type\":\"TIMESTAMP\"},"
                + "{\"mode\":\"REPEATED\",\"name\":\"tags\",\"type\":\"STRING\"}]");

        wh.load("raw_strava__activities", schema, List.of("raw/strava/athlete_id=7/activities/3.json"), WriteMode.APPEND);
        assertThat(postedJob(1).at("/configuration/load/writeDisposition").asText()).isEqualTo("WRITE_APPEND");
    }

    @Test
    void anAppenderStagesItsRowsInTheLakeLoadsThemInOneJobAndDeletesTheStagedParts() throws Exception {
        stubJob(LOAD_CONFIG, "{\"load\":{\"outputRows\":\"2\",\"inputFiles\":\"1\"}}", "\"totalRows\":\"0\"");
        Map<String, String> staged = new java.util.LinkedHashMap<>();
        Lake recording = (Lake) java.lang.reflect.Proxy.newProxyInstance(Lake.class.getClassLoader(),
                new Class<?>[] {Lake.class}, (proxy, method, args) -> {
                    if (method.getName().equals("put")) {
                        staged.put((String) args[0], new String((byte[]) args[1], StandardCharsets.UTF_8));
                    }
                    try {
                        return method.invoke(lake, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        BigQuery client = BigQueryOptions.newBuilder().setHost(wm.baseUrl()).setProjectId("proj-1")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(1).build()).build().getService();
        BigQueryWarehouse staging = new BigQueryWarehouse(client, "proj-1", "paceline", "EU", recording);
        TableSchema schema = TableSchema.of(Column.of("athlete_id", ColumnType.INT64), Column.of("kind", ColumnType.STRING),
                Column.of("watts", ColumnType.FLOAT64), Column.of("day", ColumnType.DATE), Column.of("ok", ColumnType.BOOL));

        long rows;
        try (RowAppender appender = staging.appender("int_activity_histograms__incr", schema)) {
            appender.append(7L, "power", 250.5, LocalDate.of(2024, 5, 1), true);
            appender.append(7L, null, Double.NaN, null, false);
            rows = appender.finish();
        }

        assertThat(rows).isEqualTo(2);
        assertThat(staged).hasSize(1);
        String part = staged.keySet().iterator().next();
        assertThat(part).matches("state/warehouse/appends/[0-9a-f-]{36}/part-00000\\.ndjson");
        assertThat(staged.get(part)).isEqualTo("{\"athlete_id\":7,\"kind\":\"power\",\"watts\":250.5,\"day\":\"2024-05-01\","
                + "\"ok\":true}\n{\"athlete_id\":7,\"watts\":\"NaN\",\"ok\":false}\n");
        JsonNode load = postedJob(0).at("/configuration/load");
        assertThat(load.get("sourceUris")).extracting(JsonNode::asText).containsExactly("gs://paceline-lake/prod/" + part);
        assertThat(load.get("writeDisposition").asText()).isEqualTo("WRITE_APPEND");
        assertThat(load.at("/destinationTable/tableId").asText()).isEqualTo("int_activity_histograms__incr");
        assertThat(load.at("/schema/fields").toString()).contains("{\"mode\":\"NULLABLE\",\"name\":\"day\",\"type\":\"DATE\"}");
        assertThat(lake.stat(part)).as("the staged part is deleted after the load").isEmpty();
    }

    @Test
    void anAppenderClosedBeforeFinishingLoadsNothingAndLeavesNoStagedObject() {
        stubJob(LOAD_CONFIG, "{\"load\":{\"outputRows\":\"1\"}}", "\"totalRows\":\"0\"");
        TableSchema schema = TableSchema.of(Column.of("athlete_id", ColumnType.INT64));
        try (RowAppender appender = wh.appender("t", schema)) {
            appender.append(1L);
            assertThatThrownBy(() -> appender.append("seven"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("athlete_id").hasMessageContaining("INT64").hasMessageContaining("String");
            assertThatThrownBy(() -> appender.append(1L, 2L)).hasMessageContaining("has 2 values but the table has 1 columns");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
        assertThat(lake.listAll("state/warehouse/")).isEmpty();
    }

    @Test
    void loadAndExportRefuseALakeThatIsNotInGcs() {
        BigQuery client = BigQueryOptions.newBuilder().setHost(wm.baseUrl()).setProjectId("proj-1")
                .setCredentials(NoCredentials.getInstance()).build().getService();
        BigQueryWarehouse onFolder = new BigQueryWarehouse(client, "proj-1", "paceline", "EU",
                new FileLake(dir.resolve("lake")));
        TableSchema schema = TableSchema.of(Column.of("id", ColumnType.INT64));
        assertThatThrownBy(() -> onFolder.load("t", schema, List.of("raw/x.json"), WriteMode.APPEND))
                .isInstanceOf(WarehouseException.class)
                .hasMessageContaining("gs://").hasMessageContaining("paceline.lake.uri");
        assertThatThrownBy(() -> onFolder.export("SELECT 1", Map.of(), "serving/b1/x"))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("gs://");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void exportRunsExportDataIntoTheLakesBucket() throws Exception {
        stubJob("{\"query\":{\"statementType\":\"EXPORT_DATA\",\"exportDataStatistics\":"
                + "{\"fileCount\":\"2\",\"rowCount\":\"3\"}}}");
        // BigQuery writes the files itself; the stand-in writes two gzip parts where the uri's wildcard points.
        wm.addMockServiceRequestListener((request, response) -> {
            if (request.getMethod().getName().equals("POST") && request.getBodyAsString().contains("EXPORT DATA")) {
                try {
                    String uri = JSON.readTree(request.getBodyAsString()).at("/configuration/query/query").asText()
                            .replaceAll("(?s).*uri = 'gs://paceline-lake/([^']*)'.*", "$1");
                    storage.create(com.google.cloud.storage.BlobInfo.newBuilder("paceline-lake",
                            uri.replace("*", "000000000000")).build(), gzip("{\"a\":1}\n{\"a\":2}\n"));
                    storage.create(com.google.cloud.storage.BlobInfo.newBuilder("paceline-lake",
                            uri.replace("*", "000000000001")).build(), gzip("{\"a\":3}\n"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        ExportResult parts = wh.export("SELECT a FROM fct_x WHERE athlete_id = @a", Map.of("a", 7L),
                "serving/b1/athlete_id=7/fct_x");
        JsonNode query = postedJob(0).at("/configuration/query");
        assertThat(query.get("query").asText()).isEqualTo("EXPORT DATA OPTIONS (uri = "
                + "'gs://paceline-lake/prod/serving/b1/athlete_id=7/fct_x/part-*.ndjson.gz', format = 'JSON', "
                + "compression = 'GZIP', overwrite = true) AS\nSELECT a FROM fct_x WHERE athlete_id = @a");
        assertThat(parameters(query)).containsOnly(Map.entry("a", "INT64=7"));
        assertThat(postedJob(0).at("/jobReference/location").asText()).isEqualTo("EU");
        assertThat(parts.rows()).isEqualTo(3);
        assertThat(parts.lakePaths()).containsExactly(
                "serving/b1/athlete_id=7/fct_x/part-000000000000.ndjson.gz",
                "serving/b1/athlete_id=7/fct_x/part-000000000001.ndjson.gz");

        ExportResult single = wh.export("SELECT a FROM fct_x", Map.of(), "serving/b1/athlete_id=7/fct_y.ndjson.gz");
        assertThat(single.lakePaths()).containsExactly("serving/b1/athlete_id=7/fct_y.ndjson.gz");
        byte[] joined = lake.get("serving/b1/athlete_id=7/fct_y.ndjson.gz").orElseThrow();
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(joined)).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n");
        assertThat(lake.listAll("serving/b1/athlete_id=7/fct_y.ndjson.gz.parts/")).isEmpty();
    }

    @Test
    void describeReadsTheTableSchemaAndQualifyQuotes() {
        wm.stubFor(get(urlPathMatching("/bigquery/v2/projects/proj-1/datasets/paceline/tables/fct_x"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"kind": "bigquery#table", "tableReference": {"projectId": "proj-1", "datasetId": "paceline",
                         "tableId": "fct_x"}, "type": "TABLE", "schema": {"fields": [
                          {"name": "athlete_id", "type": "INTEGER", "mode": "REQUIRED"},
                          {"name": "day", "type": "DATE"},
                          {"name": "start_ts", "type": "TIMESTAMP"},
                          {"name": "tss", "type": "NUMERIC"},
                          {"name": "zones", "type": "FLOAT", "mode": "REPEATED"}]}}""")));
        wm.stubFor(get(urlPathMatching("/bigquery/v2/projects/proj-1/datasets/paceline/tables/nope"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"code\":404,\"message\":\"Not found: Table proj-1:paceline.nope\","
                                + "\"errors\":[{\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}")));
        assertThat(wh.describe("fct_x")).contains(TableSchema.of(Column.of("athlete_id", ColumnType.INT64),
                Column.of("day", ColumnType.DATE), Column.of("start_ts", ColumnType.TIMESTAMP),
                Column.of("tss", ColumnType.NUMERIC), Column.array("zones", ColumnType.FLOAT64)));
        assertThat(wh.describe("nope")).isEmpty();
        assertThat(wh.qualify("fct_x")).isEqualTo("`proj-1.paceline.fct_x`");
        assertThat(wh.qualify("other.fct_x")).isEqualTo("`proj-1.other.fct_x`");
        assertThatThrownBy(() -> wh.qualify("a`b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(wh.dialect()).isEqualTo(Dialect.BIGQUERY);
    }

    @Test
    void unboundParametersFailBeforeAnyRequest() {
        assertThatThrownBy(() -> wh.query("SELECT @missing", Map.of()))
                .isInstanceOf(WarehouseException.class).hasMessageContaining("@missing is not bound");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** name → "TYPE=value" (arrays: "ARRAY&lt;T&gt;=[v, …]"; SQL NULL: "TYPE=null"). */
    private static Map<String, String> parameters(JsonNode query) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (JsonNode p : query.get("queryParameters")) {
            JsonNode type = p.get("parameterType");
            JsonNode value = p.get("parameterValue");
            String rendered;
            if (type.get("type").asText().equals("ARRAY")) {
                List<String> items = new java.util.ArrayList<>();
                value.get("arrayValues").forEach(v -> items.add(v.get("value").asText()));
                rendered = "ARRAY<" + type.at("/arrayType/type").asText() + ">=" + items;
            } else {
                rendered = type.get("type").asText() + "=" + (value == null || value.get("value") == null
                        ? "null" : value.get("value").asText());
            }
            out.put(p.get("name").asText(), rendered);
        }
        return out;
    }
}
