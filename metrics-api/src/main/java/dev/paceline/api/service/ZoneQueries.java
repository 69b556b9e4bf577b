package dev.paceline.api.service;

import dev.paceline.api.Answer;
import dev.paceline.api.Build;
import dev.paceline.api.DateRange;
import dev.paceline.api.MartTable;
import dev.paceline.api.Marts;
import dev.paceline.api.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Zone definitions in force and time in zones per activity, day, week or month. */
@ApplicationScoped
public class ZoneQueries {

    public static final List<String> ZONE_TYPES = List.of("heartrate", "power", "pace");
    public static final List<String> GROUPS = List.of("activity", "day", "week", "month");

    static final List<String> ZONE_COLUMNS = List.of("zone_type", "zone", "lower", "upper", "valid_from", "valid_to",
            "threshold", "source", "preset", "pace_from_s_per_km", "pace_to_s_per_km");

    private final SnapshotService snapshot;

    public ZoneQueries(SnapshotService snapshot) {
        this.snapshot = snapshot;
    }

    /** The zone definitions in force on {@code date} (default: the build's as-of date), for one type or all. */
    public Answer zones(Build build, long athleteId, String type, LocalDate date) {
        LoadedMart m = snapshot.mart(build, athleteId, Marts.ZONE_DEFINITIONS);
        LocalDate on = date != null ? date : build.asOfDate();
        int day = (int) on.toEpochDay();
        return Answer.list(m, "zones|" + type + "|" + day, () -> {
            MartTable t = m.table();
            Segments seg = m.derived(Segments.class, x -> Segments.byString(x, "zone_type"));
            int[] from = t.dates("valid_from");
            int[] to = t.dates("valid_to");
            double[] lower = t.doubles("lower");
            double[] upper = t.doubles("upper");
            Rows rows = new Rows(ZONE_COLUMNS);
            for (String zt : type == null ? ZONE_TYPES : List.of(type)) {
                int[] g = seg.range(zt);
                // the latest valid_from ≤ day whose validity covers day
                int chosenFrom = MartTable.NULL_INT;
                for (int r = g[0]; r < g[1]; r++) {
                    if (from[r] <= day && (to[r] == MartTable.NULL_INT || to[r] >= day)) {
                        chosenFrom = Math.max(chosenFrom, from[r]);
                    }
                }
                for (int r = g[0]; r < g[1]; r++) {
                    if (chosenFrom == MartTable.NULL_INT || from[r] != chosenFrom) {
                        continue;
                    }
                    boolean pace = zt.equals("pace");
                    Double paceFrom = pace && lower[r] > 0 ? Rows.round(1000 / lower[r], 1) : null;
                    Double paceTo = pace && !Double.isNaN(upper[r]) && upper[r] > 0 ? Rows.round(1000 / upper[r], 1) : null;
                    rows.add(zt, t.column("zone", MartTable.Type.INT64).value(r), nullable(lower[r]), nullable(upper[r]),
                            t.column("valid_from", MartTable.Type.DATE).value(r), t.column("valid_to", MartTable.Type.DATE).value(r),
                            t.column("threshold", MartTable.Type.FLOAT64).value(r), t.strings("source")[r],
                            t.strings("preset")[r], paceFrom, paceTo);
                }
            }
            return rows;
        });
    }

    /** Time in zones of one type, grouped by activity, day, week (Monday) or month, in wide form z1_s..zN_s. */
    public Answer zoneTimes(Build build, long athleteId, String type, DateRange range, String sport, String group) {
        LoadedMart m = snapshot.mart(build, athleteId, Marts.ZONE_TIMES);
        return Answer.list(m, "zone-times|" + type + "|" + range.key() + "|" + sport + "|" + group, () -> {
            ZoneTimeIndex idx = m.derived(ZoneTimeIndex.class, ZoneTimeIndex::new);
            ZoneTimeIndex.PerType p = idx.of(type);
            int zones = p == null ? defaultZones(type) : p.zones;
            List<String> cols = new ArrayList<>();
            cols.add("date");
            if (group.equals("activity")) {
                cols.add("activity_id");
                cols.add("sport");
            } else {
                cols.add("activities");
            }
            for (int z = 1; z <= zones; z++) {
                cols.add("z" + z + "_s");
            }
            cols.add("total_s");
            if (group.equals("activity")) {
                cols.add("coverage");
            }
            Rows rows = new Rows(cols);
            if (p == null) {
                return rows;
            }
            int lo = MartTable.lowerBound(p.date, 0, p.date.length, range.from());
            int hi = range.to() == Integer.MAX_VALUE ? p.date.length : MartTable.lowerBound(p.date, lo, p.date.length, range.to() + 1);
            long[] sums = new long[zones];
            int bucket = Integer.MIN_VALUE;
            int count = 0;
            for (int a = lo; a < hi; a++) {
                if (sport != null && !sport.equals(p.sport[a])) {
                    continue;
                }
                if (group.equals("activity")) {
                    Object[] v = new Object[cols.size()];
                    v[0] = LocalDate.ofEpochDay(p.date[a]);
                    v[1] = p.activity[a];
                    v[2] = p.sport[a];
                    long total = 0;
                    for (int z = 0; z < zones; z++) {
                        v[3 + z] = (long) p.seconds[a * zones + z];
                        total += p.seconds[a * zones + z];
                    }
                    v[3 + zones] = total;
                    v[4 + zones] = Double.isNaN(p.coverage[a]) ? null : p.coverage[a];
                    rows.add(v);
                    continue;
                }
                int b = bucket(p.date[a], group);
                if (b != bucket && count > 0) {
                    rows.add(bucketRow(bucket, count, sums, cols.size()));
                    Arrays.fill(sums, 0);
                    count = 0;
                }
                bucket = b;
                count++;
                for (int z = 0; z < zones; z++) {
                    sums[z] += p.seconds[a * zones + z];
                }
            }
            if (count > 0) {
                rows.add(bucketRow(bucket, count, sums, cols.size()));
            }
            return rows;
        });
    }

    private static Object[] bucketRow(int bucket, int count, long[] sums, int width) {
        Object[] v = new Object[width];
        v[0] = LocalDate.ofEpochDay(bucket);
        v[1] = (long) count;
        long total = 0;
        for (int z = 0; z < sums.length; z++) {
            v[2 + z] = sums[z];
            total += sums[z];
        }
        v[2 + sums.length] = total;
        return v;
    }

    static int bucket(int epochDay, String group) {
        return switch (group) {
            case "week" -> {
                // 1970-01-01 was a Thursday: Monday-based week start
                int dow = Math.floorMod(epochDay + 3, 7);
                yield epochDay - dow;
            }
            case "month" -> (int) LocalDate.ofEpochDay(epochDay).withDayOfMonth(1).toEpochDay();
            default -> epochDay;
        };
    }

    static int defaultZones(String type) {
        return type.equals("heartrate") ? 5 : type.equals("power") ? 6 : 7;
    }

    private static Double nullable(double d) {
        return Double.isNaN(d) ? null : d;
    }

    /** Per zone type: activities in local-date order with their seconds per zone packed in one int array. */
    static final class ZoneTimeIndex implements LoadedMart.Derived {

        static final class PerType {
            int zones;
            int[] date;
            long[] activity;
            String[] sport;
            double[] coverage;
            int[] seconds; // activity-major: seconds[a * zones + (zone - 1)]
        }

        private final java.util.Map<String, PerType> types = new java.util.HashMap<>();
        private long bytes;

        ZoneTimeIndex(MartTable t) {
            Segments seg = Segments.byString(t, "zone_type");
            int[] dates = t.dates("local_date");
            long[] act = t.longs("activity_id");
            long[] zone = t.longs("zone");
            long[] secs = t.longs("seconds");
            double[] cov = t.doubles("coverage");
            String[] sports = t.strings("sport");
            for (Object g : seg.groups()) {
                int[] r = seg.range(g);
                PerType p = new PerType();
                int n = 0;
                int zones = 0;
                for (int i = r[0]; i < r[1]; i++) {
                    if (i == r[0] || act[i] != act[i - 1]) {
                        n++;
                    }
                    zones = (int) Math.max(zones, zone[i]);
                }
                p.zones = zones;
                p.date = new int[n];
                p.activity = new long[n];
                p.sport = new String[n];
                p.coverage = new double[n];
                p.seconds = new int[n * zones];
                int a = -1;
                for (int i = r[0]; i < r[1]; i++) {
                    if (i == r[0] || act[i] != act[i - 1]) {
                        a++;
                        p.date[a] = dates[i];
                        p.activity[a] = act[i];
                        p.sport[a] = sports[i];
                        p.coverage[a] = cov[i];
                    }
                    if (zone[i] >= 1 && zone[i] <= zones && secs[i] != MartTable.NULL_LONG) {
                        p.seconds[a * zones + (int) zone[i] - 1] = (int) secs[i];
                    }
                }
                types.put((String) g, p);
                bytes += 28L * n + 4L * n * zones + 64;
            }
        }

        PerType of(String type) {
            return types.get(type);
        }

        @Override
        public long estimatedBytes() {
            return bytes;
        }
    }
}
