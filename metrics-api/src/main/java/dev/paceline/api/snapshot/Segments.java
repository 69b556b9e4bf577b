package dev.paceline.api.snapshot;

import dev.paceline.api.snapshot.MartTable;
import java.util.HashMap;
import java.util.Map;

/**
 * Contiguous row ranges of a table sorted by a leading grouping column (zone_type, duration_s, sport, metric…), so a
 * query touches only its group and binary-searches dates inside it.
 */
public final class Segments implements LoadedMart.Derived {

    private final Map<Object, int[]> ranges = new HashMap<>();

    private Segments() {
    }

    public static Segments byString(MartTable t, String column) {
        Segments s = new Segments();
        String[] v = t.strings(column);
        int start = 0;
        for (int r = 1; r <= v.length; r++) {
            if (r == v.length || !java.util.Objects.equals(v[r], v[start])) {
                if (v.length > 0 && v[start] != null) {
                    s.ranges.put(v[start], new int[] {start, r});
                }
                start = r;
            }
        }
        return s;
    }

    public static Segments byLong(MartTable t, String column) {
        Segments s = new Segments();
        long[] v = t.longs(column);
        int start = 0;
        for (int r = 1; r <= v.length; r++) {
            if (r == v.length || v[r] != v[start]) {
                if (v.length > 0) {
                    s.ranges.put(v[start], new int[] {start, r});
                }
                start = r;
            }
        }
        return s;
    }

    public static Segments byDouble(MartTable t, String column) {
        Segments s = new Segments();
        double[] v = t.doubles(column);
        int start = 0;
        for (int r = 1; r <= v.length; r++) {
            if (r == v.length || Double.compare(v[r], v[start]) != 0) {
                if (v.length > 0) {
                    s.ranges.put(v[start], new int[] {start, r});
                }
                start = r;
            }
        }
        return s;
    }

    /** {start, end} (end exclusive) of the group, or {0, 0}. */
    public int[] range(Object group) {
        return ranges.getOrDefault(group, new int[] {0, 0});
    }

    @Override
    public long estimatedBytes() {
        return 96L * ranges.size() + 64;
    }

    public java.util.Set<Object> groups() {
        return ranges.keySet();
    }

    /** Rows of {@code group} whose {@code dates} (sorted within the group) fall in [from, to]: {start, end}. */
    public int[] range(Object group, int[] dates, int from, int to) {
        int[] g = range(group);
        int lo = MartTable.lowerBound(dates, g[0], g[1], from);
        int hi = to == Integer.MAX_VALUE ? g[1] : MartTable.lowerBound(dates, lo, g[1], to + 1);
        return new int[] {lo, hi};
    }
}
