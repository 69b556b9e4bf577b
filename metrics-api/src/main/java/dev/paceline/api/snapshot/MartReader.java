package dev.paceline.api.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.paceline.api.snapshot.MartTable;
import dev.paceline.api.snapshot.MartTable.Column;
import dev.paceline.api.snapshot.MartTable.Type;
import dev.paceline.api.snapshot.SnapshotException;
import dev.paceline.platform.contract.ServingManifest.MartColumn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads one gzip NDJSON mart partition (docs/marts.md) into a {@link MartTable} sorted by the mart's key. */
public final class MartReader {

    private static final JsonFactory JSON = new JsonFactory();

    private MartReader() {
    }

    /**
     * @param path lake path, for error messages
     * @param gz the partition's bytes
     * @param columns the mart's columns from the build manifest; other keys in the rows are ignored
     * @param expectedRows row count from the manifest (a size hint)
     * @param sortKey columns to sort by (ascending), as in docs/marts.md
     */
    public static MartTable read(String mart, String path, byte[] gz, List<MartColumn> columns, long expectedRows,
            List<String> sortKey) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        for (MartColumn c : columns) {
            Type type;
            try {
                type = Type.of(c.type());
            } catch (IllegalArgumentException e) {
                throw new SnapshotException("mart " + mart + " column " + c.name() + ": " + e.getMessage()
                        + "; the serving manifest must use STRING, INT64, FLOAT64, BOOL, DATE, DATETIME or TIMESTAMP");
            }
            builders.put(c.name(), new Builder(c.name(), type, (int) Math.max(16, Math.min(expectedRows, 1 << 24))));
        }
        Map<String, String> interned = new HashMap<>();
        int rows = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16);
                JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    throw new SnapshotException(path + " row " + (rows + 1) + " is not a JSON object");
                }
                for (Builder b : builders.values()) {
                    b.appendNull();
                }
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    Builder b = builders.get(name);
                    if (b == null) {
                        p.skipChildren(); // a column this reader does not know: forward compatible
                        continue;
                    }
                    b.set(rows, p, v, interned, path);
                }
                rows++;
            }
        } catch (IOException e) {
            throw new SnapshotException("cannot read " + path + ": " + e.getMessage(), e);
        }
        List<Column> cols = new ArrayList<>(builders.size());
        for (Builder b : builders.values()) {
            cols.add(b.build(rows));
        }
        MartTable table = new MartTable(mart, cols, rows);
        return sortKey.isEmpty() ? table : table.reorder(order(table, sortKey));
    }

    private static int[] order(MartTable table, List<String> key) {
        Integer[] idx = new Integer[table.rows()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Comparator<Integer> cmp = null;
        for (String k : key) {
            if (!table.has(k)) {
                continue;
            }
            Column c = table.column(k);
            Comparator<Integer> next = switch (c.type()) {
                case INT64 -> Comparator.comparingLong(i -> c.longs()[i]);
                case FLOAT64 -> Comparator.comparingDouble(i -> c.doubles()[i]);
                case DATE -> Comparator.comparingInt(i -> c.ints()[i]);
                case BOOL -> Comparator.comparingInt(i -> c.bools()[i]);
                default -> Comparator.comparing(i -> c.strings()[i], Comparator.nullsFirst(Comparator.naturalOrder()));
            };
            cmp = cmp == null ? next : cmp.thenComparing(next);
        }
        if (cmp != null) {
            Arrays.sort(idx, cmp);
        }
        int[] order = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            order[i] = idx[i];
        }
        return order;
    }

    /** Growable typed column. */
    private static final class Builder {
        final String name;
        final Type type;
        long[] longs;
        double[] doubles;
        int[] ints;
        byte[] bools;
        String[] strings;
        int size;

        Builder(String name, Type type, int capacity) {
            this.name = name;
            this.type = type;
            switch (type) {
                case INT64 -> longs = new long[capacity];
                case FLOAT64 -> doubles = new double[capacity];
                case DATE -> ints = new int[capacity];
                case BOOL -> bools = new byte[capacity];
                default -> strings = new String[capacity];
            }
        }

        void appendNull() {
            ensure(size + 1);
            switch (type) {
                case INT64 -> longs[size] = MartTable.NULL_LONG;
                case FLOAT64 -> doubles[size] = Double.NaN;
                case DATE -> ints[size] = MartTable.NULL_INT;
                case BOOL -> bools[size] = -1;
                default -> strings[size] = null;
            }
            size++;
        }

        void set(int row, JsonParser p, JsonToken v, Map<String, String> interned, String path) throws IOException {
            if (v == JsonToken.VALUE_NULL) {
                return;
            }
            try {
                switch (type) {
                    case INT64 -> longs[row] = v == JsonToken.VALUE_STRING ? Long.parseLong(p.getText()) : p.getValueAsLong();
                    case FLOAT64 -> doubles[row] = v == JsonToken.VALUE_STRING ? Double.parseDouble(p.getText()) : p.getDoubleValue();
                    case DATE -> ints[row] = (int) LocalDate.parse(p.getText()).toEpochDay();
                    case BOOL -> bools[row] = (byte) (p.getValueAsBoolean() ? 1 : 0);
                    default -> {
                        String s = p.getText();
                        strings[row] = interned.computeIfAbsent(s, x -> x);
                    }
                }
            } catch (RuntimeException e) {
                throw new SnapshotException(path + " row " + (row + 1) + " column " + name + ": '" + p.getText()
                        + "' is not a valid " + type + " (" + e.getMessage() + ")", e);
            }
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                throw new SnapshotException(path + " row " + (row + 1) + " column " + name + " holds a nested value; marts are flat");
            }
        }

        private void ensure(int n) {
            int cap = switch (type) {
                case INT64 -> longs.length;
                case FLOAT64 -> doubles.length;
                case DATE -> ints.length;
                case BOOL -> bools.length;
                default -> strings.length;
            };
            if (n <= cap) {
                return;
            }
            int next = Math.max(n, cap * 2);
            switch (type) {
                case INT64 -> longs = Arrays.copyOf(longs, next);
                case FLOAT64 -> doubles = Arrays.copyOf(doubles, next);
                case DATE -> ints = Arrays.copyOf(ints, next);
                case BOOL -> bools = Arrays.copyOf(bools, next);
                default -> strings = Arrays.copyOf(strings, next);
            }
        }

        Column build(int rows) {
            return switch (type) {
                case INT64 -> new Column(name, type, Arrays.copyOf(longs, rows), null, null, null, null);
                case FLOAT64 -> new Column(name, type, null, Arrays.copyOf(doubles, rows), null, null, null);
                case DATE -> new Column(name, type, null, null, Arrays.copyOf(ints, rows), null, null);
                case BOOL -> new Column(name, type, null, null, null, Arrays.copyOf(bools, rows), null);
                default -> new Column(name, type, null, null, null, null, Arrays.copyOf(strings, rows));
            };
        }
    }
}
