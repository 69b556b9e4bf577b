package dev.paceline.platform.warehouse;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.LakePath;
import dev.paceline.platform.lake.ObjectInfo;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distributed warehouse: one BigQuery dataset. Every statement is a query job with named parameters, run in the
 * dataset's location with the dataset as default; loads are load jobs from the lake's {@code gs://} URIs; exports are
 * {@code EXPORT DATA} statements writing gzip NDJSON into the lake's bucket. The lake must therefore be a GCS lake.
 *
 * <p>{@link #executeAtomically} runs one multi-statement script in a transaction, rolled back on any error. BigQuery
 * allows only DML (and temp tables) inside transactions; {@code CREATE OR REPLACE TABLE … AS} is atomic by itself.
 */
public final class BigQueryWarehouse implements Warehouse {

    /** BigQuery accepts at most this many source URIs per load job. */
    static final int MAX_LOAD_URIS = 10_000;
    private static final Pattern POSITION = Pattern.compile("\\[(\\d+):(\\d+)]");
    private static final DateTimeFormatter DATETIME_PARAM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final BigQuery bigquery;
    private final String project;
    private final String dataset;
    private final String location;
    private final Lake lake;

    /**
     * @param bigquery client (project, credentials, host and retry settings come from its options)
     * @param project project holding the dataset
     * @param dataset dataset of every unqualified table
     * @param location dataset location (EU, US, europe-west1, …), set on every job
     * @param lake a GCS lake: loads and exports use its gs:// URIs
     */
    public BigQueryWarehouse(BigQuery bigquery, String project, String dataset, String location, Lake lake) {
        this.bigquery = bigquery;
        this.project = project;
        this.dataset = dataset;
        this.location = location;
        this.lake = lake;
    }

    @Override
    public Dialect dialect() {
        return Dialect.BIGQUERY;
    }

    @Override
    public long execute(String sql, Map<String, ?> params) {
        Job job = runQueryJob("statement", sql, params);
        JobStatistics.QueryStatistics stats = job.getStatistics();
        Long affected = stats == null ? null : stats.getNumDmlAffectedRows();
        return affected == null ? -1 : affected;
    }

    @Override
    public void executeAtomically(List<String> statements) {
        if (statements.isEmpty()) {
            return;
        }
        StringBuilder script = new StringBuilder("BEGIN\n  BEGIN TRANSACTION;\n");
        int[] firstLine = new int[statements.size()];
        int line = 3;
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i).strip();
            while (statement.endsWith(";")) {
                statement = statement.substring(0, statement.length() - 1).strip();
            }
            firstLine[i] = line;
            script.append(statement).append(";\n");
            line += (int) statement.chars().filter(c -> c == '\n').count() + 1;
        }
        script.append("  COMMIT TRANSACTION;\nEXCEPTION WHEN ERROR THEN\n  ROLLBACK TRANSACTION;\n")
                .append("  RAISE USING MESSAGE = @@error.message;\nEND;\n");
        try {
            runQueryJob("atomic script", script.toString(), Map.of());
        } catch (WarehouseException e) {
            String failing = statementAt(e.getMessage(), statements, firstLine);
            throw new WarehouseException(e.getMessage() + (failing == null ? "" : " -- failing statement: "
                    + DuckDbWarehouse.abbreviate(failing)) + " (the transaction was rolled back)", e);
        }
    }

    /** The statement whose lines contain the first {@code [line:column]} of a BigQuery error message. */
    private static String statementAt(String message, List<String> statements, int[] firstLine) {
        Matcher m = POSITION.matcher(message == null ? "" : message);
        if (!m.find()) {
            return null;
        }
        int line = Integer.parseInt(m.group(1));
        String found = null;
        for (int i = 0; i < statements.size(); i++) {
            if (firstLine[i] <= line) {
                found = statements.get(i);
            }
        }
        return found;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
        Job job = runQueryJob("query", sql, params);
        try {
            TableResult result = job.getQueryResults();
            FieldList fields = result.getSchema() == null ? FieldList.of() : result.getSchema().getFields();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (FieldValueList values : result.iterateAll()) {
                Map<String, Object> row = new LinkedHashMap<>(fields.size() * 2);
                for (int i = 0; i < fields.size(); i++) {
                    row.put(fields.get(i).getName(), value(fields.get(i), values.get(i)));
                }
                rows.add(row);
            }
            return rows;
        } catch (BigQueryException e) {
            throw new WarehouseException("BigQuery query job " + job.getJobId().getJob() + " failed reading results: "
                    + e.getMessage() + " -- SQL: " + DuckDbWarehouse.abbreviate(sql), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted waiting for BigQuery job " + job.getJobId().getJob(), e);
        }
    }

    @Override
    public long load(String table, TableSchema schema, List<String> lakePaths, WriteMode mode) {
        if (schema.columns().isEmpty()) {
            throw new IllegalArgumentException("load into " + table + ": the schema has no columns");
        }
        TableId tableId = tableId(table);
        Schema bqSchema = toSchema(schema);
        if (lakePaths.isEmpty()) {
            // No objects: still honour "created when missing" and TRUNCATE, with an empty load from no rows.
            String ddl = (mode == WriteMode.TRUNCATE ? "CREATE OR REPLACE TABLE " : "CREATE TABLE IF NOT EXISTS ")
                    + qualify(table) + " (" + columnDefinitions(schema) + ")";
            runQueryJob("statement", ddl, Map.of());
            return 0;
        }
        List<String> uris = new ArrayList<>(lakePaths.size());
        for (String path : lakePaths) {
            uris.add(gcsUri(LakePath.validate(path), "load into " + qualify(table)));
        }
        long rows = 0;
        for (int from = 0; from < uris.size(); from += MAX_LOAD_URIS) {
            List<String> chunk = uris.subList(from, Math.min(uris.size(), from + MAX_LOAD_URIS));
            JobInfo.WriteDisposition disposition = from == 0 && mode == WriteMode.TRUNCATE
                    ? JobInfo.WriteDisposition.WRITE_TRUNCATE : JobInfo.WriteDisposition.WRITE_APPEND;
            LoadJobConfiguration config = LoadJobConfiguration.newBuilder(tableId, chunk, FormatOptions.json())
                    .setSchema(bqSchema)
                    .setWriteDisposition(disposition)
                    .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
                    .setIgnoreUnknownValues(true)
                    .setMaxBadRecords(0)
                    .build();
            Job job = runJob("load", JobInfo.of(newJobId("load"), config),
                    "load of " + chunk.size() + " object(s) into " + qualify(table));
            JobStatistics.LoadStatistics stats = job.getStatistics();
            rows += stats == null || stats.getOutputRows() == null ? 0 : stats.getOutputRows();
        }
        return rows;
    }

    @Override
    public RowAppender appender(String table, TableSchema schema) {
        if (schema.columns().isEmpty()) {
            throw new IllegalArgumentException("appender for " + table + ": the schema has no columns");
        }
        return new BigQueryStagedAppender(this, lake, table, schema);
    }

    @Override
    public ExportResult export(String sql, Map<String, ?> params, String lakePrefix) {
        boolean singleObject = lakePrefix.endsWith(".ndjson.gz");
        String base = singleObject ? lakePrefix + ".parts" : stripSlash(lakePrefix);
        LakePath.validate(base + "/part-x");
        // Parts of an earlier export to the same prefix would be mixed with ours: remove them first.
        for (ObjectInfo old : lake.listAll(base + "/part-")) {
            lake.delete(old.path());
        }
        String uri = gcsUri(base + "/part-*.ndjson.gz", "export");
        String statement = "EXPORT DATA OPTIONS (uri = '" + uri.replace("\\", "\\\\").replace("'", "\\'")
                + "', format = 'JSON', compression = 'GZIP', overwrite = true) AS\n" + DuckDbWarehouse.stripSemicolons(sql);
        Job job = runQueryJob("export", statement, params);
        JobStatistics.QueryStatistics stats = job.getStatistics();
        long rows = stats != null && stats.getExportDataStats() != null && stats.getExportDataStats().getRowCount() != null
                ? stats.getExportDataStats().getRowCount() : -1;
        List<String> parts = lake.listAll(base + "/part-").stream().map(ObjectInfo::path).toList();
        if (!singleObject) {
            return new ExportResult(parts, rows);
        }
        // Concatenated gzip members are one valid gzip stream: join the parts into the single object asked for.
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (String part : parts) {
            joined.writeBytes(lake.get(part).orElseThrow(() -> new WarehouseException("export part " + part
                    + " vanished before it could be joined into " + lakePrefix)));
        }
        lake.put(LakePath.validate(lakePrefix), joined.toByteArray());
        parts.forEach(lake::delete);
        return new ExportResult(List.of(lakePrefix), rows);
    }

    @Override
    public Optional<TableSchema> describe(String table) {
        TableId id = tableId(table);
        try {
            Table t = bigquery.getTable(id);
            if (t == null || t.getDefinition() == null || t.getDefinition().getSchema() == null) {
                return Optional.empty();
            }
            List<Column> columns = new ArrayList<>();
            for (Field f : t.getDefinition().getSchema().getFields()) {
                columns.add(new Column(f.getName(), columnType(f, table), f.getMode() == Field.Mode.REPEATED));
            }
            return Optional.of(new TableSchema(columns));
        } catch (BigQueryException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw new WarehouseException("describe " + qualify(table) + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String qualify(String table) {
        TableId id = tableId(table);
        return "`" + id.getProject() + "." + id.getDataset() + "." + id.getTable() + "`";
    }

    @Override
    public void close() {
        // The BigQuery client holds no resources that need closing.
    }

    @Override
    public String toString() {
        return "BigQueryWarehouse[" + project + "." + dataset + " in " + location + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private TableId tableId(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table name is empty");
        }
        if (table.contains("`")) {
            throw new IllegalArgumentException("table name '" + table + "' contains a backtick");
        }
        String[] parts = table.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("table name '" + table + "' has an empty part");
            }
        }
        return switch (parts.length) {
            case 1 -> TableId.of(project, dataset, parts[0]);
            case 2 -> TableId.of(project, parts[0], parts[1]);
            case 3 -> TableId.of(parts[0], parts[1], parts[2]);
            default -> throw new IllegalArgumentException("table name '" + table
                    + "' is invalid: use table, dataset.table or project.dataset.table");
        };
    }

    private String gcsUri(String path, String what) {
        String uri = lake.uri(path);
        if (!uri.startsWith("gs://")) {
            throw new WarehouseException(what + ": BigQuery reads and writes gs:// objects only, but the lake is "
                    + lake.rootUri() + ". Set paceline.lake.uri=gs://bucket/prefix with paceline.warehouse.uri=bigquery://…,"
                    + " or use duckdb: with a folder lake");
        }
        return uri;
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private JobId newJobId(String kind) {
        return JobId.newBuilder().setProject(project).setLocation(location)
                .setJob("paceline_" + kind + "_" + UUID.randomUUID().toString().replace("-", "")).build();
    }

    private Job runQueryJob(String what, String sql, Map<String, ?> params) {
        QueryJobConfiguration.Builder config = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .setDefaultDataset(DatasetId.of(project, dataset));
        // Only the parameters the SQL references are sent (BigQuery rejects a query with undeclared ones).
        for (String name : new java.util.LinkedHashSet<>(NamedParameters.rewrite(sql).names())) {
            if (!params.containsKey(name)) {
                throw new WarehouseException("parameter @" + name + " is not bound: pass it in the parameter map"
                        + " (bound: " + params.keySet() + ") for SQL: " + DuckDbWarehouse.abbreviate(sql));
            }
            config.addNamedParameter(name, parameter(name, params.get(name)));
        }
        return runJob(what, JobInfo.of(newJobId(what.replace(' ', '_')), config.build()),
                what + " " + DuckDbWarehouse.abbreviate(sql));
    }

    private Job runJob(String kind, JobInfo info, String description) {
        String jobName = info.getJobId().getJob();
        try {
            Job job = bigquery.create(info);
            Job done = job.waitFor();
            if (done == null) {
                throw new WarehouseException("BigQuery " + kind + " job " + jobName + " disappeared before it finished: "
                        + description);
            }
            BigQueryError error = done.getStatus() == null ? null : done.getStatus().getError();
            if (error != null) {
                throw new WarehouseException("BigQuery " + kind + " job " + jobName + " failed: " + error.getMessage()
                        + " (reason " + error.getReason() + (error.getLocation() != null ? ", at " + error.getLocation() : "")
                        + ") -- " + description);
            }
            return done;
        } catch (BigQueryException e) {
            throw new WarehouseException("BigQuery " + kind + " job " + jobName + " failed: " + e.getMessage()
                    + " -- " + description, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WarehouseException("interrupted waiting for BigQuery " + kind + " job " + jobName, e);
        }
    }

    /** The BigQuery parameter for a Java value; types as in the {@link Warehouse} value list. */
    static QueryParameterValue parameter(String name, Object value) {
        if (value == null) {
            return QueryParameterValue.string(null);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return QueryParameterValue.int64(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return QueryParameterValue.float64(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return QueryParameterValue.numeric(d);
        }
        if (value instanceof BigInteger b) {
            return QueryParameterValue.numeric(new BigDecimal(b));
        }
        if (value instanceof String s) {
            return QueryParameterValue.string(s);
        }
        if (value instanceof Boolean b) {
            return QueryParameterValue.bool(b);
        }
        if (value instanceof LocalDate d) {
            return QueryParameterValue.date(d.toString());
        }
        if (value instanceof LocalDateTime t) {
            return QueryParameterValue.dateTime(DATETIME_PARAM.format(t));
        }
        if (value instanceof Instant t) {
            return QueryParameterValue.timestamp(ChronoUnit.MICROS.between(Instant.EPOCH, t));
        }
        if (value instanceof OffsetDateTime t) {
            return QueryParameterValue.timestamp(ChronoUnit.MICROS.between(Instant.EPOCH, t.toInstant()));
        }
        if (value instanceof Collection<?> list) {
            return array(name, list);
        }
        throw new WarehouseException("parameter @" + name + " has unsupported type " + value.getClass().getName()
                + ": use Long, Double, BigDecimal, String, Boolean, LocalDate, LocalDateTime, Instant or a List");
    }

    private static QueryParameterValue array(String name, Collection<?> list) {
        Object first = list.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (first == null || first instanceof String) {
            return QueryParameterValue.array(list.toArray(String[]::new), StandardSQLTypeName.STRING);
        }
        if (first instanceof Long || first instanceof Integer || first instanceof Short) {
            return QueryParameterValue.array(list.stream().map(v -> v == null ? null : ((Number) v).longValue())
                    .toArray(Long[]::new), StandardSQLTypeName.INT64);
        }
        if (first instanceof Double || first instanceof Float) {
            return QueryParameterValue.array(list.stream().map(v -> v == null ? null : ((Number) v).doubleValue())
                    .toArray(Double[]::new), StandardSQLTypeName.FLOAT64);
        }
        if (first instanceof Boolean) {
            return QueryParameterValue.array(list.toArray(Boolean[]::new), StandardSQLTypeName.BOOL);
        }
        if (first instanceof LocalDate) {
            return QueryParameterValue.array(list.stream().map(v -> v == null ? null : v.toString())
                    .toArray(String[]::new), StandardSQLTypeName.DATE);
        }
        if (first instanceof BigDecimal) {
            return QueryParameterValue.array(list.toArray(BigDecimal[]::new), StandardSQLTypeName.NUMERIC);
        }
        throw new WarehouseException("parameter @" + name + " is a list of " + first.getClass().getName()
                + ": lists may hold String, Long, Double, Boolean, LocalDate or BigDecimal");
    }

    /** Normalises a result cell to the port's value types. */
    static Object value(Field field, FieldValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (field.getMode() == Field.Mode.REPEATED || v.getAttribute() == FieldValue.Attribute.REPEATED) {
            Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
            List<Object> list = new ArrayList<>();
            for (FieldValue item : v.getRepeatedValue()) {
                list.add(value(element, item));
            }
            return list;
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        return switch (type) {
            case INT64 -> v.getLongValue();
            case FLOAT64 -> v.getDoubleValue();
            case NUMERIC, BIGNUMERIC -> v.getNumericValue();
            case BOOL -> v.getBooleanValue();
            case DATE -> LocalDate.parse(v.getStringValue());
            case DATETIME -> LocalDateTime.parse(v.getStringValue().replace(' ', 'T'));
            case TIMESTAMP -> v.getTimestampInstant();
            case STRUCT -> v.getRecordValue().toString();
            default -> v.getStringValue(); // STRING, JSON, BYTES (base64), TIME, GEOGRAPHY, INTERVAL
        };
    }

    private static Schema toSchema(TableSchema schema) {
        List<Field> fields = new ArrayList<>();
        for (Column c : schema.columns()) {
            fields.add(Field.newBuilder(c.name(), StandardSQLTypeName.valueOf(c.type().bigQueryType()))
                    .setMode(c.repeated() ? Field.Mode.REPEATED : Field.Mode.NULLABLE).build());
        }
        return Schema.of(fields);
    }

    private static String columnDefinitions(TableSchema schema) {
        List<String> defs = new ArrayList<>();
        for (Column c : schema.columns()) {
            defs.add("`" + c.name() + "` " + (c.repeated() ? "ARRAY<" + c.type().bigQueryType() + ">" : c.type().bigQueryType()));
        }
        return String.join(", ", defs);
    }

    private static ColumnType columnType(Field f, String table) {
        LegacySQLTypeName legacy = f.getType();
        StandardSQLTypeName type = legacy.getStandardType();
        return switch (type) {
            case STRING -> ColumnType.STRING;
            case INT64 -> ColumnType.INT64;
            case FLOAT64 -> ColumnType.FLOAT64;
            case NUMERIC, BIGNUMERIC -> ColumnType.NUMERIC;
            case BOOL -> ColumnType.BOOL;
            case DATE -> ColumnType.DATE;
            case DATETIME -> ColumnType.DATETIME;
            case TIMESTAMP -> ColumnType.TIMESTAMP;
            case JSON -> ColumnType.JSON;
            default -> throw new WarehouseException("table " + table + " column " + f.getName() + " has BigQuery type "
                    + type + ", which has no Paceline column type (use one of " + List.of(ColumnType.values()) + ")");
        };
    }
}
