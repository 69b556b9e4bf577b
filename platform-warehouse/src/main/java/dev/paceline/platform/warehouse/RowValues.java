package dev.paceline.platform.warehouse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The value checks of {@link RowAppender#append} shared by both adapters: one canonical Java type per column type. */
final class RowValues {

    private RowValues() {
    }

    /** Checks the row's length. */
    static void checkWidth(String table, List<Column> columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row for " + table + " has " + values.length + " values but the table has "
                    + columns.size() + " columns " + columns.stream().map(Column::name).toList());
        }
    }

    /**
     * The value as the column's canonical type: Long, Double, BigDecimal, Boolean, LocalDate, LocalDateTime, Instant or
     * String (STRING and JSON text); a List of those for a repeated column; null stays null.
     */
    static Object canonical(String table, Column column, Object v) {
        if (v == null) {
            return null;
        }
        if (column.repeated()) {
            if (!(v instanceof List<?> list)) {
                throw mismatch(table, column, v);
            }
            Column element = Column.of(column.name(), column.type());
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(canonical(table, element, item));
            }
            return out;
        }
        try {
            return switch (column.type()) {
                case INT64 -> {
                    if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
                        throw mismatch(table, column, v);
                    }
                    yield ((Number) v).longValue();
                }
                case FLOAT64 -> {
                    if (!(v instanceof Number n)) {
                        throw mismatch(table, column, v);
                    }
                    yield n.doubleValue();
                }
                case NUMERIC -> v instanceof BigDecimal d ? d : v instanceof Number || v instanceof String
                        ? new BigDecimal(v.toString()) : throwing(mismatch(table, column, v));
                case BOOL -> v instanceof Boolean b ? b : throwing(mismatch(table, column, v));
                case DATE -> v instanceof LocalDate d ? d : v instanceof String s ? LocalDate.parse(s)
                        : throwing(mismatch(table, column, v));
                case DATETIME -> v instanceof LocalDateTime t ? t : throwing(mismatch(table, column, v));
                case TIMESTAMP -> v instanceof Instant t ? t : throwing(mismatch(table, column, v));
                case STRING, JSON -> v instanceof String s ? s : throwing(mismatch(table, column, v));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("column " + column.name() + " of " + table + " is " + column.type()
                    + " but the row holds '" + v + "': " + e.getMessage(), e);
        }
    }

    private static <T> T throwing(IllegalArgumentException e) {
        throw e;
    }

    private static IllegalArgumentException mismatch(String table, Column column, Object v) {
        return new IllegalArgumentException("column " + column.name() + " of " + table + " is " + column.type()
                + (column.repeated() ? "[]" : "") + " but the row holds a " + v.getClass().getSimpleName() + " (" + v + ")");
    }
}
