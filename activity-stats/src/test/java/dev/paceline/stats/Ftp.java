package dev.paceline.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * FTP history (METRICS.md "Power"): {@code eFTP(d) = round(0.95 × best 20 min power over the 13 weeks ending on d)}
 * from rides with real power; a configured FTP test (date, watts) wins from its date on until the next test.
 * Before the first test and without any 20 min best in the window there is no FTP (null / NaN).
 */
public final class Ftp {

    public static final double EFTP_SHARE = 0.95;

    private Ftp() {
    }

    /** {@code round(0.95 × best20)}. */
    public static double eftp(double best20W) {
        return Math.round(EFTP_SHARE * best20W);
    }

    /**
     * Daily FTP between two days with its source per period: {@code ftp_test} (configured) or {@code eftp}.
     *
     * @param best20s each ride's best 20 min power (rides with {@code device_watts} only), by local date
     * @param tests configured FTP tests (date, watts); may be empty
     */
    public static List<ValuePeriod> history(List<DatedValue> best20s, List<DatedValue> tests, LocalDate from,
            LocalDate to) {
        double[] best = TrailingBest.daily(best20s, from, to, TrailingBest.THIRTEEN_WEEKS_DAYS, true);
        List<DatedValue> t = new ArrayList<>(tests);
        t.sort(Comparator.comparing(DatedValue::date));
        int days = best.length;
        double[] value = new double[days];
        boolean[] configured = new boolean[days];
        int next = 0;
        double test = Double.NaN;
        for (int k = 0; k < days; k++) {
            LocalDate day = from.plusDays(k);
            while (next < t.size() && !t.get(next).date().isAfter(day)) {
                test = t.get(next).value();
                next++;
            }
            if (test == test) {
                value[k] = test;
                configured[k] = true;
            } else {
                value[k] = best[k] == best[k] ? eftp(best[k]) : Double.NaN;
            }
        }
        List<ValuePeriod> out = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= days; k++) {
            if (k < days && Double.compare(value[k], value[start]) == 0 && configured[k] == configured[start]) {
                continue;
            }
            if (value[start] == value[start]) {
                out.add(new ValuePeriod(from.plusDays(start), k == days ? null : from.plusDays(k - 1L), value[start],
                        configured[start] ? "ftp_test" : "eftp"));
            }
            start = k;
        }
        return out;
    }

    /** FTP on one day (NaN when there is none). */
    public static double on(LocalDate day, List<DatedValue> best20s, List<DatedValue> tests) {
        for (ValuePeriod p : history(best20s, tests, day, day)) {
            return p.value();
        }
        return Double.NaN;
    }
}
