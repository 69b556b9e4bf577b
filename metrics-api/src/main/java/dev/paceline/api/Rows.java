package dev.paceline.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A flat answer: named columns and rows of plain values (Long, Integer, Double, String, Boolean, LocalDate or null).
 * Rendered as a JSON array of objects or as CSV with the same column names and the same value text.
 */
public final class Rows {

    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public Rows(List<String> columns) {
        this.columns = List.copyOf(columns);
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
        rows.add(values);
        return this;
    }

    /** Adds one row of {@code table} projected on {@code columns} (missing columns give null). */
    public Rows addFrom(MartTable table, int row) {
        Object[] v = new Object[columns.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = table.has(columns.get(i)) ? table.column(columns.get(i)).value(row) : null;
        }
        rows.add(v);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Text of one value as written in both JSON (numbers unquoted) and CSV; null for null. */
    public static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    /** A finite double as plain decimal text (no exponent; whole numbers without ".0"); null for NaN/infinite. */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        return s.indexOf('E') < 0 ? s : new java.math.BigDecimal(s).toPlainString();
    }

    /** {@code v} rounded to {@code decimals} places (NaN stays NaN). */
    public static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
