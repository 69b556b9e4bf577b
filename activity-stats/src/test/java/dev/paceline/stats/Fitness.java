package dev.paceline.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fitness, fatigue and form (METRICS.md): {@code CTL_t = CTL_{t−1} + (load_t − CTL_{t−1}) × (1 − e^(−1/42))}, ATL the
 * same with 7, {@code form_t = CTL_{t−1} − ATL_{t−1}}; both start at 0 the day before the first day; days without
 * activities have load 0.
 */
public final class Fitness {

    public static final double CTL_DAYS = 42;
    public static final double ATL_DAYS = 7;

    /** One day of the series. */
    public record Day(LocalDate date, double load, double ctl, double atl, double form) {
    }

    private Fitness() {
    }

    /** The series for consecutive days starting on {@code first}, one load per day (0 for rest days). */
    public static List<Day> daily(LocalDate first, double[] loads) {
        double kc = 1 - Math.exp(-1 / CTL_DAYS);
        double ka = 1 - Math.exp(-1 / ATL_DAYS);
        List<Day> out = new ArrayList<>(loads.length);
        double ctl = 0;
        double atl = 0;
        for (int k = 0; k < loads.length; k++) {
            double load = loads[k] == loads[k] ? loads[k] : 0;
            double form = ctl - atl;
            ctl += (load - ctl) * kc;
            atl += (load - atl) * ka;
            out.add(new Day(first.plusDays(k), load, ctl, atl, form));
        }
        return out;
    }

    /** The series from {@code from} to {@code to}, summing the loads of each day (all sports). */
    public static List<Day> daily(List<DatedValue> loads, LocalDate from, LocalDate to) {
        double[] perDay = new double[Math.max(0, TrailingBest.days(from, to))];
        for (DatedValue v : loads) {
            int k = TrailingBest.days(from, v.date()) - 1;
            if (k >= 0 && k < perDay.length && v.value() == v.value()) {
                perDay[k] += v.value();
            }
        }
        return daily(from, perDay);
    }
}
