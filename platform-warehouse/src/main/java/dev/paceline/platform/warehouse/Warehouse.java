package dev.paceline.platform.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse port: BigQuery in production, DuckDB embedded. SQL handed to a warehouse is already written in its
 * {@link #dialect()} (the transform-service renders models per dialect). Values are never string-built: queries bind
 * named parameters written {@code @name} in the SQL, for both engines.
 *
 * <p>Values in result rows are normalised to: {@code null}, {@link Long}, {@link Double}, {@link java.math.BigDecimal},
 * {@link String}, {@link Boolean}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime}, {@link java.time.Instant},
 * {@link List} (arrays).
 */
public interface Warehouse extends AutoCloseable {

    /** The SQL dialect this warehouse speaks. */
    Dialect dialect();

    /** Executes one statement (DDL or DML) and returns the number of affected rows where the engine reports it, else -1. */
    long execute(String sql, Map<String, ?> params);

    default long execute(String sql) {
        return execute(sql, Map.of());
    }

    /**
     * Executes the statements as one unit: all take effect or none (a DuckDB transaction; a BigQuery multi-statement
     * transaction). A failure rolls back and throws {@link WarehouseException} naming the failing statement.
     */
    void executeAtomically(List<String> statements);

    /** Runs a query with bound {@code @name} parameters; rows keep the select-list order of columns. */
    List<Map<String, Object>> query(String sql, Map<String, ?> params);

    default List<Map<String, Object>> query(String sql) {
        return query(sql, Map.of());
    }

    /**
     * Loads newline-delimited JSON lake objects into {@code table} with an explicit schema (the table is created when
     * missing). Fields absent from a line are null; fields not in the schema are ignored.
     *
     * @return rows loaded
     */
    long load(String table, TableSchema schema, List<String> lakePaths, WriteMode mode);

    /**
     * Opens an appender writing rows computed in this process into {@code table} (created with {@code schema} when
     * missing; an existing table must have the schema's column names in order). No lake object is left behind.
     */
    RowAppender appender(String table, TableSchema schema);

    /**
     * Exports the rows of {@code sql} to gzip-compressed NDJSON lake objects under {@code lakePrefix}
     * ({@code <prefix>/part-00000.ndjson.gz}, …, or exactly {@code lakePrefix} when it ends with {@code .ndjson.gz}).
     */
    ExportResult export(String sql, Map<String, ?> params, String lakePrefix);

    /** The table's columns, or empty when the table does not exist. */
    Optional<TableSchema> describe(String table);

    /** The fully qualified, quoted name of {@code table} in this warehouse (dataset/schema included). */
    String qualify(String table);

    @Override
    default void close() {
    }
}
