package dev.paceline.api.query;

import dev.paceline.api.snapshot.AthleteMarts;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.snapshot.LoadedMart;
import dev.paceline.api.snapshot.MartTable;
import dev.paceline.api.snapshot.Marts;
import dev.paceline.api.snapshot.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Zone definitions in force and time in zones per activity, day, week or month. */
@ApplicationScoped
public class ZoneQueries {

    public static final List<String> ZONE_TYPES = List.of("heartrate", "power", "pace");
    public static final List<String> GROUPS = List.of("activity", "day", "week", "month");

    static final List<String> ZONE_COLUMNS = List.of("zone_type", "zone", "lower", "upper", "valid_from", "valid_to",
            "threshold", "source", "preset", "pace_from_s_per_km", "pace_to_s_per_km");

    /** The zone definitions in force on {@code date} (default: the build's as-of date), for one type or all. */
    public Query zones(Build build, String type, LocalDate date) {
        return Query.of(Marts.ZONE_DEFINITIONS, marts -> zones(build, marts.get(Marts.ZONE_DEFINITIONS), type, date));
    }

    private Answer zones(Build build, LoadedMart m, String type, LocalDate date) {
        LocalDate on = date != null ? date : build.asOfDate();
        int day = (int) on.toEpochDay();
        return Answer.list(() -> {
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
                    Double paceFrom = pace && lower[r] > 0 ? Precision.round(1000 / lower[r], 1) : null;
                    Double paceTo = pace && !Double.isNaN(upper[r]) && upper[r] > 0 ? Precision.round(1000 / upper[r], 1) : null;
                    rows.add(zt, t.column("zone", MartTable.Type.INT64).value(r), nullable(lower[r]), nullable(upper[r]),
                            t.column("valid_from", MartTable.Type.DATE).value(r), t.column("valid_to", MartTable.Type.DATE).value(r),
                            t.column("threshold", MartTable.Type.FLOAT64).value(r), t.strings("source")[r],
                            t.strings("preset")[r], paceFrom, paceTo);
                }
            }
            return rows;
        });
    }

    /** The marts of the time in zones: per activity from mart_zone_times, per period from mart_zone_periods. */
    public Query zoneTimes(String type, DateRange range, String sport, String group) {
        List<String> marts = group.equals("activity") ? List.of(Marts.ZONE_TIMES, Marts.ZONE_PERIODS) : List.of(Marts.ZONE_PERIODS);
        return new Query(marts, m -> zoneTimes(m, type, range, sport, group));
    }

    /**
     * Time in zones of one type in wide form z1_s..zN_s (N: the mart's zone_count of the type), per activity or per
     * day, week or month as the mart sums them; a period is in the answer when it overlaps {@code range}.
     */
    private Answer zoneTimes(AthleteMarts marts, String type, DateRange range, String sport, String group) {
        LoadedMart periods = marts.get(Marts.ZONE_PERIODS);
        LoadedMart owner = group.equals("activity") ? marts.get(Marts.ZONE_TIMES) : periods;
        return Answer.list(() -> {
            ZonePeriodIndex pi = periods.derived(ZonePeriodIndex.class, ZonePeriodIndex::new);
            int zones = pi.zoneCount(type);
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
            if (group.equals("activity")) {
                activityRows(owner.derived(ZoneTimeIndex.class, ZoneTimeIndex::new).of(type), zones, range, sport, rows);
            } else {
                periodRows(pi.of(type, sport == null ? "all" : sport, group), zones, range, rows);
            }
            return rows;
        });
    }

    private static void activityRows(ZoneTimeIndex.PerType p, int zones, DateRange range, String sport, Rows rows) {
        if (p == null) {
            return;
        }
        int lo = MartTable.lowerBound(p.date, 0, p.date.length, range.from());
        int hi = range.to() == Integer.MAX_VALUE ? p.date.length : MartTable.lowerBound(p.date, lo, p.date.length, range.to() + 1);
        for (int a = lo; a < hi; a++) {
            if (sport != null && !sport.equals(p.sport[a])) {
                continue;
            }
            Object[] v = new Object[rows.columns().size()];
            v[0] = LocalDate.ofEpochDay(p.date[a]);
            v[1] = p.activity[a];
            v[2] = p.sport[a];
            long total = 0;
            for (int z = 0; z < zones; z++) {
                int s = z < p.zones ? p.seconds[a * p.zones + z] : 0;
                v[3 + z] = (long) s;
                total += s;
            }
            v[3 + zones] = total;
            v[4 + zones] = Double.isNaN(p.coverage[a]) ? null : p.coverage[a];
            rows.add(v);
        }
    }

    private static void periodRows(ZonePeriodIndex.Group g, int zones, DateRange range, Rows rows) {
        if (g == null) {
            return;
        }
        // periods are sorted by start and do not overlap, so their ends are sorted too
        int lo = MartTable.lowerBound(g.end, 0, g.end.length, range.from());
        int hi = range.to() == Integer.MAX_VALUE ? g.start.length : MartTable.lowerBound(g.start, lo, g.start.length, range.to() + 1);
        for (int i = lo; i < hi; i++) {
            Object[] v = new Object[rows.columns().size()];
            v[0] = LocalDate.ofEpochDay(g.start[i]);
            v[1] = g.activities[i];
            long total = 0;
            for (int z = 0; z < zones; z++) {
                v[2 + z] = g.seconds[i * zones + z];
                total += g.seconds[i * zones + z];
            }
            v[2 + zones] = total;
            rows.add(v);
        }
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

    /** Per zone type, sport and period (day, week, month): the mart's periods in order, seconds per zone packed. */
    static final class ZonePeriodIndex implements LoadedMart.Derived {

        static final class Group {
            int[] start;
            int[] end;
            long[] activities;
            long[] seconds; // period-major: seconds[i * zones + (zone - 1)]
        }

        private final Map<String, Group> groups = new HashMap<>();
        private final Map<String, Integer> zoneCounts = new HashMap<>();
        private long bytes;

        ZonePeriodIndex(MartTable t) {
            String[] type = t.strings("zone_type");
            String[] sport = t.strings("sport");
            String[] period = t.strings("period");
            int[] start = t.dates("period_start");
            int[] end = t.dates("period_end");
            long[] zone = t.longs("zone");
            long[] count = t.longs("zone_count");
            long[] secs = t.longs("seconds");
            long[] acts = t.longs("activities");
            int from = 0;
            for (int r = 1; r <= t.rows(); r++) {
                if (r < t.rows() && type[r].equals(type[from]) && sport[r].equals(sport[from]) && period[r].equals(period[from])) {
                    continue;
                }
                int zones = (int) count[from];
                zoneCounts.put(type[from], zones);
                int n = 0;
                for (int i = from; i < r; i++) {
                    if (i == from || start[i] != start[i - 1]) {
                        n++;
                    }
                }
                Group g = new Group();
                g.start = new int[n];
                g.end = new int[n];
                g.activities = new long[n];
                g.seconds = new long[n * zones];
                int p = -1;
                for (int i = from; i < r; i++) {
                    if (i == from || start[i] != start[i - 1]) {
                        p++;
                        g.start[p] = start[i];
                        g.end[p] = end[i];
                        g.activities[p] = acts[i];
                    }
                    if (zone[i] >= 1 && zone[i] <= zones) {
                        g.seconds[p * zones + (int) zone[i] - 1] = secs[i];
                    }
                }
                groups.put(type[from] + "|" + sport[from] + "|" + period[from], g);
                bytes += 16L * n + 8L * n * zones + 96;
                from = r;
            }
        }

        /** The zone count of the type (0 when the athlete has no time in zones of it). */
        int zoneCount(String type) {
            return zoneCounts.getOrDefault(type, 0);
        }

        Group of(String type, String sport, String period) {
            return groups.get(type + "|" + sport + "|" + period);
        }

        @Override
        public long estimatedBytes() {
            return bytes;
        }
    }
}
