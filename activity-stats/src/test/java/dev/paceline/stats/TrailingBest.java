package dev.paceline.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The best value over a trailing window of days, for every day of a range, in O(days + values) with a monotonic
 * deque. "The 13 weeks ending on d" is the 91 local days {@code d − 90 .. d}.
 */
public final class TrailingBest {

    /** 13 weeks. */
    public static final int THIRTEEN_WEEKS_DAYS = 91;

    private TrailingBest() {
    }

    /**
     * @param values dated values (any order; several per day allowed)
     * @param maximize the best is the maximum (power) or the minimum (a time)
     * @return per day {@code from .. to}, the best value in the window ending that day, NaN when there is none
     */
    public static double[] daily(List<DatedValue> values, LocalDate from, LocalDate to, int windowDays,
            boolean maximize) {
        int days = days(from, to);
        if (days <= 0) {
            return new double[0];
        }
        List<DatedValue> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparing(DatedValue::date));
        double[] out = new double[days];
        int[] dq = new int[sorted.size()];
        int head = 0;
        int tail = 0;
        int next = 0;
        for (int k = 0; k < days; k++) {
            LocalDate day = from.plusDays(k);
            while (next < sorted.size() && !sorted.get(next).date().isAfter(day)) {
                double v = sorted.get(next).value();
                if (v == v) {
                    while (tail > head && !better(sorted.get(dq[tail - 1]).value(), v, maximize)) {
                        tail--;
                    }
                    dq[tail++] = next;
                }
                next++;
            }
            LocalDate first = day.minusDays(windowDays - 1L);
            while (tail > head && sorted.get(dq[head]).date().isBefore(first)) {
                head++;
            }
            out[k] = tail > head ? sorted.get(dq[head]).value() : Double.NaN;
        }
        return out;
    }

    /** Number of days from {@code from} to {@code to} inclusive (≤ 0 when {@code to} is before {@code from}). */
    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static boolean better(double a, double b, boolean maximize) {
        return maximize ? a > b : a < b;
    }

    /** Collapses a daily series into periods of equal value (NaN days are left out). */
    static List<ValuePeriod> periods(double[] daily, LocalDate from, String source) {
        List<ValuePeriod> out = new ArrayList<>();
        int start = -1;
        for (int k = 0; k <= daily.length; k++) {
            boolean boundary = k == daily.length || start < 0 || Double.compare(daily[k], daily[start]) != 0;
            if (!boundary) {
                continue;
            }
            if (start >= 0 && daily[start] == daily[start]) {
                LocalDate end = k == daily.length ? null : from.plusDays(k - 1L);
                out.add(new ValuePeriod(from.plusDays(start), end, daily[start], source));
            }
            start = k;
        }
        return out;
    }
}
