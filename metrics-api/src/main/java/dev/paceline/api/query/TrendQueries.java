package dev.paceline.api.query;

import dev.paceline.api.problem.BadParameter;
import dev.paceline.api.problem.NotFoundProblem;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.snapshot.LoadedMart;
import dev.paceline.api.snapshot.MartTable;
import dev.paceline.api.snapshot.Marts;
import dev.paceline.api.snapshot.Segments;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The 90-day view, weekly metrics and fitness (CTL/ATL/form) as flat time series. */
@ApplicationScoped
public class TrendQueries {

    public static final List<String> SPORTS = List.of("all", "ride", "run", "other");
    public static final List<String> ROLLING_WINDOWS = List.of("90d");

    static final List<String> FITNESS_COLUMNS = List.of("date", "load", "ctl", "atl", "form");
    static final List<String> WEEKLY_COLUMNS = List.of("week_start", "metric", "value", "avg_6w", "avg_13w", "avg_26w",
            "avg_52w", "rank_6w", "rank_13w", "rank_26w", "rank_52w", "rank_all");

    /**
     * The 90-day view of one sport: on {@code date} (one row; default the latest day), or every day of a range.
     */
    public Query rolling(Build build, long athleteId, String sport, LocalDate date, DateRange range) {
        return Query.of(Marts.ROLLING_90D, marts -> rolling(build, athleteId, marts.get(Marts.ROLLING_90D), sport, date, range));
    }

    private Answer rolling(Build build, long athleteId, LoadedMart m, String sport, LocalDate date, DateRange range) {
        MartTable t = m.table();
        Segments seg = m.derived(Segments.class, x -> Segments.byString(x, "sport"));
        int[] dates = t.dates("date");
        int[] g = seg.range(sport);
        if (date != null && range == null) {
            int day = (int) date.toEpochDay();
            int at = MartTable.lowerBound(dates, g[0], g[1], day);
            if (at >= g[1] || dates[at] != day) {
                throw new NotFoundProblem("no 90-day view for sport " + sport + " on " + date + ": "
                        + (g[0] == g[1] ? "athlete " + athleteId + " has no days in build " + build.id()
                        : "build " + build.id() + " covers " + LocalDate.ofEpochDay(dates[g[0]]) + " to "
                        + LocalDate.ofEpochDay(dates[g[1] - 1])));
            }
        }
        return Answer.list(() -> {
            List<String> cols = new ArrayList<>(ActivityQueries.columnsOf(t, false));
            cols.remove("date");
            cols.remove("sport");
            cols.add(0, "sport");
            cols.add(0, "date");
            Rows rows = new Rows(cols);
            if (range != null) {
                int[] r = seg.range(sport, dates, range.from(), range.to());
                for (int i = r[0]; i < r[1]; i++) {
                    rows.addFrom(t, i);
                }
            } else if (g[1] > g[0]) {
                int at = date == null ? g[1] - 1 : MartTable.lowerBound(dates, g[0], g[1], (int) date.toEpochDay());
                rows.addFrom(t, at);
            }
            return rows;
        });
    }

    /** The last {@code weeks} weeks of one weekly metric. */
    public Query weekly(String metric, int weeks) {
        return Query.of(Marts.WEEKLY, marts -> weekly(marts.get(Marts.WEEKLY), metric, weeks));
    }

    private Answer weekly(LoadedMart m, String metric, int weeks) {
        Segments seg = m.derived(Segments.class, x -> Segments.byString(x, "metric"));
        if (m.table().rows() > 0 && seg.range(metric)[1] == 0) {
            throw new BadParameter("metric", "unknown metric '" + metric + "': use one of "
                    + String.join(", ", new TreeSet<>(seg.groups().stream().map(Object::toString).toList())));
        }
        return Answer.list(() -> {
            int[] g = seg.range(metric);
            Rows rows = new Rows(WEEKLY_COLUMNS);
            for (int i = Math.max(g[0], g[1] - weeks); i < g[1]; i++) {
                rows.addFrom(m.table(), i);
            }
            return rows;
        });
    }

    /** Daily load, CTL, ATL and form over a range. */
    public Query fitness(DateRange range) {
        return Query.of(Marts.FITNESS, marts -> fitness(marts.get(Marts.FITNESS), range));
    }

    private Answer fitness(LoadedMart m, DateRange range) {
        return Answer.list(() -> {
            MartTable t = m.table();
            int[] dates = t.dates("date");
            int lo = MartTable.lowerBound(dates, 0, dates.length, range.from());
            int hi = range.to() == Integer.MAX_VALUE ? dates.length : MartTable.lowerBound(dates, lo, dates.length, range.to() + 1);
            Rows rows = new Rows(FITNESS_COLUMNS);
            for (int i = lo; i < hi; i++) {
                rows.addFrom(t, i);
            }
            return rows;
        });
    }
}
