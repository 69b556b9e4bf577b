package dev.paceline.api.snapshot;

import dev.paceline.api.snapshot.MartTable;
import java.util.HashMap;
import java.util.Map;

/** Row indexes of a mart grouped by activity_id (in table order). */
public final class RowsByActivity implements LoadedMart.Derived {

    private static final int[] NONE = new int[0];
    private final Map<Long, int[]> rows;

    public RowsByActivity(MartTable t) {
        long[] ids = t.longs("activity_id");
        Map<Long, int[]> m = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (long id : ids) {
            counts.merge(id, 1, Integer::sum);
        }
        Map<Long, Integer> fill = new HashMap<>();
        for (int r = 0; r < ids.length; r++) {
            int[] a = m.computeIfAbsent(ids[r], id -> new int[counts.get(id)]);
            int i = fill.merge(ids[r], 1, Integer::sum) - 1;
            a[i] = r;
        }
        this.rows = m;
    }

    public int[] rows(long activityId) {
        return rows.getOrDefault(activityId, NONE);
    }

    @Override
    public long estimatedBytes() {
        return 64L * rows.size() + 4L * rows.values().stream().mapToLong(a -> a.length).sum();
    }
}
