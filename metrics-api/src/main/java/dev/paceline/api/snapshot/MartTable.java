package dev.paceline.api.snapshot;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One athlete's partition of one mart, held column by column in primitive arrays (the compact in-memory form of the
 * serving snapshot). Nulls: {@code NaN} in FLOAT64, {@link #NULL_INT} / {@link #NULL_LONG} in DATE / INT64, null in
 * strings, -1 in BOOL. Rows are sorted by the mart's key at load time so date ranges are binary searches.
 */
public final class MartTable {

    public static final long NULL_LONG = Long.MIN_VALUE;
    public static final int NULL_INT = Integer.MIN_VALUE;

    /** The BigQuery column types of docs/marts.md and how each is held. */
    public enum Type {
        STRING, INT64, FLOAT64, BOOL, DATE, DATETIME, TIMESTAMP;

        public static Type of(String bigQueryType) {
            return switch (bigQueryType.toUpperCase(java.util.Locale.ROOT)) {
                case "STRING" -> STRING;
                case "INT64", "INTEGER" -> INT64;
                case "FLOAT64", "FLOAT", "NUMERIC" -> FLOAT64;
                case "BOOL", "BOOLEAN" -> BOOL;
                case "DATE" -> DATE;
                case "DATETIME" -> DATETIME;
                case "TIMESTAMP" -> TIMESTAMP;
                default -> throw new IllegalArgumentException("unsupported column type " + bigQueryType);
            };
        }
    }

    /** One column: exactly one of the arrays is set, per {@link #type}. */
    public record Column(String name, Type type, long[] longs, double[] doubles, int[] ints, byte[] bools, String[] strings) {

        public boolean isNull(int row) {
            return switch (type) {
                case INT64 -> longs[row] == NULL_LONG;
                case FLOAT64 -> Double.isNaN(doubles[row]);
                case DATE -> ints[row] == NULL_INT;
                case BOOL -> bools[row] < 0;
                default -> strings[row] == null;
            };
        }

        /** The value as a plain Java object (Long, Double, Boolean, LocalDate, String) or null. */
        public Object value(int row) {
            if (isNull(row)) {
                return null;
            }
            return switch (type) {
                case INT64 -> longs[row];
                case FLOAT64 -> doubles[row];
                case DATE -> LocalDate.ofEpochDay(ints[row]);
                case BOOL -> bools[row] == 1;
                default -> strings[row];
            };
        }

        Column reorder(int[] order) {
            return switch (type) {
                case INT64 -> new Column(name, type, permute(longs, order), null, null, null, null);
                case FLOAT64 -> new Column(name, type, null, permute(doubles, order), null, null, null);
                case DATE -> new Column(name, type, null, null, permute(ints, order), null, null);
                case BOOL -> new Column(name, type, null, null, null, permute(bools, order), null);
                default -> new Column(name, type, null, null, null, null, permute(strings, order));
            };
        }

        long estimatedBytes() {
            long n = type == Type.INT64 ? 8L * longs.length
                    : type == Type.FLOAT64 ? 8L * doubles.length
                    : type == Type.DATE ? 4L * ints.length
                    : type == Type.BOOL ? bools.length
                    : 4L * strings.length;
            if (strings != null) {
                // distinct strings only: repeated values (sport, zone type) are shared at load time
                java.util.IdentityHashMap<String, Boolean> seen = new java.util.IdentityHashMap<>();
                for (String s : strings) {
                    if (s != null && seen.put(s, Boolean.TRUE) == null) {
                        n += 40 + s.length();
                    }
                }
            }
            return n + 64;
        }
    }

    private final String mart;
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rows;
    private final long estimatedBytes;

    public MartTable(String mart, List<Column> columns, int rows) {
        this.mart = mart;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.byName = new HashMap<>();
        long bytes = 128;
        for (Column c : columns) {
            byName.put(c.name(), c);
            bytes += c.estimatedBytes() + 48;
        }
        this.estimatedBytes = bytes;
    }

    public static MartTable empty(String mart, List<Column> columns) {
        return new MartTable(mart, columns, 0);
    }

    public String mart() {
        return mart;
    }

    public int rows() {
        return rows;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Estimated heap bytes of the arrays, used by the LRU budget. */
    public long estimatedBytes() {
        return estimatedBytes;
    }

    public boolean has(String column) {
        return byName.containsKey(column);
    }

    /** The column, or an all-null column of {@code type} when the build does not carry it. */
    public Column column(String name, Type type) {
        Column c = byName.get(name);
        if (c != null) {
            return c;
        }
        return switch (type) {
            case INT64 -> new Column(name, type, filled(new long[rows], NULL_LONG), null, null, null, null);
            case FLOAT64 -> new Column(name, type, null, filled(new double[rows], Double.NaN), null, null, null);
            case DATE -> new Column(name, type, null, null, filled(new int[rows], NULL_INT), null, null);
            case BOOL -> new Column(name, type, null, null, null, filled(new byte[rows], (byte) -1), null);
            default -> new Column(name, type, null, null, null, null, new String[rows]);
        };
    }

    public Column column(String name) {
        Column c = byName.get(name);
        if (c == null) {
            throw new IllegalStateException("mart " + mart + " has no column " + name);
        }
        return c;
    }

    public long[] longs(String name) {
        return column(name, Type.INT64).longs();
    }

    public double[] doubles(String name) {
        return column(name, Type.FLOAT64).doubles();
    }

    public int[] dates(String name) {
        return column(name, Type.DATE).ints();
    }

    public String[] strings(String name) {
        Column c = byName.get(name);
        return c == null || c.strings() == null ? new String[rows] : c.strings();
    }

    public byte[] bools(String name) {
        return column(name, Type.BOOL).bools();
    }

    /** The same table with rows in {@code order} (a permutation of row indices). */
    public MartTable reorder(int[] order) {
        return new MartTable(mart, columns.stream().map(c -> c.reorder(order)).toList(), rows);
    }

    /** First row index whose {@code sorted} value is ≥ {@code key} (the table is sorted on that column). */
    public static int lowerBound(int[] sorted, int from, int to, int key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static long[] filled(long[] a, long v) {
        Arrays.fill(a, v);
        return a;
    }

    private static double[] filled(double[] a, double v) {
        Arrays.fill(a, v);
        return a;
    }

    private static int[] filled(int[] a, int v) {
        Arrays.fill(a, v);
        return a;
    }

    private static byte[] filled(byte[] a, byte v) {
        Arrays.fill(a, v);
        return a;
    }

    private static long[] permute(long[] a, int[] order) {
        long[] r = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = a[order[i]];
        }
        return r;
    }

    private static double[] permute(double[] a, int[] order) {
        double[] r = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = a[order[i]];
        }
        return r;
    }

    private static int[] permute(int[] a, int[] order) {
        int[] r = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = a[order[i]];
        }
        return r;
    }

    private static byte[] permute(byte[] a, int[] order) {
        byte[] r = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = a[order[i]];
        }
        return r;
    }

    private static String[] permute(String[] a, int[] order) {
        String[] r = new String[order.length];
        for (int i = 0; i < order.length; i++) {
            r[i] = a[order[i]];
        }
        return r;
    }
}
