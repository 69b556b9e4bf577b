package dev.paceline.platform.warehouse;

/**
 * Rows written by this process straight into one warehouse table, without a trip through the lake: a DuckDB
 * appender, or on BigQuery a load job whose staging objects the adapter writes and deletes itself. Open one with
 * {@link Warehouse#appender}; one thread writes it.
 *
 * <p>{@link #finish()} makes the rows visible and returns their number; {@link #close()} releases the appender and,
 * when {@code finish} was not reached, discards what it can (BigQuery loads nothing; DuckDB may have flushed part of
 * the rows already). Append into a scratch table and publish it with a statement when a failure must leave the
 * target as it was.
 */
public interface RowAppender extends AutoCloseable {

    /**
     * Appends one row, values in the order of the schema's columns: {@code null}, {@link Long} (or any integral
     * {@link Number}) for INT64, {@link Double} (any {@link Number}) for FLOAT64, {@link String}, {@link Boolean},
     * {@link java.math.BigDecimal} for NUMERIC, {@link java.time.LocalDate} (or ISO text) for DATE,
     * {@link java.time.LocalDateTime} for DATETIME, {@link java.time.Instant} for TIMESTAMP, JSON text for JSON, a
     * {@link java.util.List} for a repeated column.
     *
     * @throws IllegalArgumentException when the number of values or a value's type does not fit the schema
     */
    void append(Object... values);

    /** Makes every appended row visible in the table; returns the number of rows. */
    long finish();

    /** Releases the appender; rows not {@link #finish() finished} are discarded where the engine allows. */
    @Override
    void close();
}
