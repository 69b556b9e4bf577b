package dev.paceline.platform.warehouse;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rows through DuckDB's appender (column vectors filled in memory and flushed in chunks, no SQL per row), under the
 * warehouse's connection lock. Opened by {@link DuckDbWarehouse#appender}.
 */
final class DuckDbAppender implements RowAppender {
    private final String table;
    private final List<Column> columns;
    private final org.duckdb.DuckDBAppender appender;
    private final ReentrantLock lock;
    private long rows;
    private boolean closed;

    DuckDbAppender(String table, TableSchema schema, org.duckdb.DuckDBAppender appender, ReentrantLock lock) {
        this.lock = lock;
        this.table = table;
        this.columns = schema.columns();
        this.appender = appender;
    }

    @Override
    public void append(Object... values) {
        RowValues.checkWidth(table, columns, values);
        Object[] row = new Object[values.length]; // checked before the row begins: a bad value leaves no half row
        for (int i = 0; i < values.length; i++) {
            row[i] = RowValues.canonical(table, columns.get(i), values[i]);
        }
        lock.lock();
        try {
            appender.beginRow();
            for (Object v : row) {
                appendValue(v);
            }
            appender.endRow();
            rows++;
        } catch (SQLException e) {
            throw new WarehouseException("DuckDB appender on " + table + " failed at row " + (rows + 1) + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void appendValue(Object v) throws SQLException {
        if (v == null) {
            appender.appendNull();
        } else if (v instanceof Long n) {
            appender.append(n.longValue());
        } else if (v instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (v instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (v instanceof BigDecimal d) {
            appender.append(d);
        } else if (v instanceof LocalDate d) {
            appender.append(d);
        } else if (v instanceof LocalDateTime t) {
            appender.append(t);
        } else if (v instanceof Instant t) {
            appender.append(OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof List<?> list) {
            appender.append(list);
        } else {
            appender.append(v.toString()); // STRING, JSON (as text)
        }
    }

    @Override
    public long finish() {
        close();
        return rows;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lock.lock();
        try {
            appender.close();
        } catch (SQLException e) {
            throw new WarehouseException("DuckDB appender on " + table + " failed flushing its rows: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
