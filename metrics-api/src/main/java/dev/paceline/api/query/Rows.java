package dev.paceline.api.query;

import dev.paceline.api.snapshot.MartTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A flat answer: named columns and rows of plain values (Long, Integer, Double, String, Boolean, LocalDate or null).
 * Rendered as a JSON array of objects or as CSV with the same column names and the same value text.
 */
public final class Rows {

    private final List<String> columns;
    private final int[] decimals;
    private final List<Object[]> rows = new ArrayList<>();

    public Rows(List<String> columns) {
        this.columns = List.copyOf(columns);
        this.decimals = new int[columns.size()];
        for (int i = 0; i < decimals.length; i++) {
            decimals[i] = Precision.decimals(columns.get(i));
        }
    }

    public List<String> columns() {
        return columns;
    }

    public List<Object[]> rows() {
        return rows;
    }

    /** Adds a row; values in column order. */
    public Rows add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(rounded(values));
        return this;
    }

    /** Doubles rounded to their column's precision, so every format carries the same numbers. */
    private Object[] rounded(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Double d) {
                values[i] = Precision.round(d, decimals[i]);
            }
        }
        return values;
    }

    /** Adds one row of {@code table} projected on {@code columns} (missing columns give null). */
    public Rows addFrom(MartTable table, int row) {
        Object[] v = new Object[columns.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = table.has(columns.get(i)) ? table.column(columns.get(i)).value(row) : null;
        }
        rows.add(rounded(v));
        return this;
    }

    public int size() {
        return rows.size();
    }
}
