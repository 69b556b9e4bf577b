package dev.paceline.api.query;

import dev.paceline.api.snapshot.LoadedMart;
import dev.paceline.api.snapshot.MartTable;
import dev.paceline.api.snapshot.Marts;
import dev.paceline.api.snapshot.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Best power and running times over a date range, and the athlete's power curve. */
@ApplicationScoped
public class BestsQueries {

    /** Power-best durations of docs/marts.md, in seconds. */
    public static final List<Integer> DURATIONS = List.of(15, 30, 60, 120, 300, 600, 1200, 1800, 3600);

    /** Run-best distances of docs/marts.md: name to metres. */
    public static final Map<String, Double> DISTANCES = distances();

    public static final List<String> WINDOWS = List.of("90d", "365d", "all");

    static final List<String> POWER_COLUMNS = List.of("duration_s", "duration", "watts", "activity_id", "local_date", "start_s");
    static final List<String> RUN_COLUMNS = List.of("distance", "distance_m", "time_s", "pace_s_per_km", "activity_id",
            "local_date", "start_s");
    static final List<String> CURVE_COLUMNS = List.of("duration_s", "watts", "activity_id", "local_date", "start_s", "as_of_date");

    private static Map<String, Double> distances() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("400m", 400.0);
        m.put("1k", 1000.0);
        m.put("1mile", 1609.344);
        m.put("5k", 5000.0);
        m.put("10k", 10000.0);
        m.put("half_marathon", 21097.5);
        m.put("marathon", 42195.0);
        return m;
    }

    /** "15s", "1m", "20m", "1h" for a duration in seconds. */
    public static String label(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** The best power per duration in the range (ties: the earliest), one row per duration, null when none. */
    public Query powerBests(List<Integer> durations, DateRange range) {
        return Query.of(Marts.POWER_BESTS, marts -> powerBests(marts.get(Marts.POWER_BESTS), durations, range));
    }

    private Answer powerBests(LoadedMart m, List<Integer> durations, DateRange range) {
        return Answer.list(() -> {
            MartTable t = m.table();
            Segments seg = m.derived(Segments.class, x -> Segments.byLong(x, "duration_s"));
            int[] dates = t.dates("local_date");
            double[] watts = t.doubles("watts");
            Rows rows = new Rows(POWER_COLUMNS);
            for (int d : durations) {
                int[] r = seg.range((long) d, dates, range.from(), range.to());
                int best = -1;
                for (int i = r[0]; i < r[1]; i++) {
                    if (!Double.isNaN(watts[i]) && (best < 0 || watts[i] > watts[best])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    rows.add((long) d, label(d), null, null, null, null);
                } else {
                    rows.add((long) d, label(d), watts[best], t.column("activity_id").value(best),
                            LocalDate.ofEpochDay(dates[best]), t.column("start_s", MartTable.Type.INT64).value(best));
                }
            }
            return rows;
        });
    }

    /** The power curve of one window as of the build date. */
    public Query powerCurve(String window) {
        return Query.of(Marts.POWER_CURVE, marts -> powerCurve(marts.get(Marts.POWER_CURVE), window));
    }

    private Answer powerCurve(LoadedMart m, String window) {
        return Answer.list(() -> {
            MartTable t = m.table();
            Segments seg = m.derived(Segments.class, x -> Segments.byString(x, "window"));
            int[] r = seg.range(window);
            Rows rows = new Rows(CURVE_COLUMNS);
            for (int i = r[0]; i < r[1]; i++) {
                rows.addFrom(t, i);
            }
            return rows;
        });
    }

    /** The fastest time per distance in the range (ties: the earliest), one row per distance, null when none. */
    public Query runBests(List<String> distanceNames, DateRange range) {
        return Query.of(Marts.RUN_BESTS, marts -> runBests(marts.get(Marts.RUN_BESTS), distanceNames, range));
    }

    private Answer runBests(LoadedMart m, List<String> distanceNames, DateRange range) {
        return Answer.list(() -> {
            MartTable t = m.table();
            Segments seg = m.derived(Segments.class, x -> Segments.byDouble(x, "distance_m"));
            int[] dates = t.dates("local_date");
            double[] time = t.doubles("time_s");
            Rows rows = new Rows(RUN_COLUMNS);
            for (String name : distanceNames) {
                double metres = DISTANCES.get(name);
                int[] r = seg.range(metres, dates, range.from(), range.to());
                int best = -1;
                for (int i = r[0]; i < r[1]; i++) {
                    if (!Double.isNaN(time[i]) && (best < 0 || time[i] < time[best])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    rows.add(name, metres, null, null, null, null, null);
                } else {
                    rows.add(name, metres, time[best], Precision.round(time[best] / (metres / 1000.0), 1),
                            t.column("activity_id").value(best), LocalDate.ofEpochDay(dates[best]),
                            t.column("start_s", MartTable.Type.FLOAT64).value(best));
                }
            }
            return rows;
        });
    }
}
