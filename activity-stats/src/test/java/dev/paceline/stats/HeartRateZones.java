package dev.paceline.stats;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Heart-rate zones from age (METRICS.md "Zones that change over time"): {@code max_hr = round(211 − 0.64 × age)},
 * age in whole years on the day (so the zones move on each birthday; someone born on 29 February turns a year older
 * on 1 March in common years, as {@link Period} counts), and five zones with lower bounds at 0, 59 %, 78 %, 87 %,
 * 97 % of max HR rounded to whole bpm (half up).
 */
public final class HeartRateZones {

    /** Lower bounds of the five zones as shares of max HR. */
    public static final double[] SHARES = {0, 0.59, 0.78, 0.87, 0.97};

    private HeartRateZones() {
    }

    /** Age in whole years on a day. */
    public static int ageOn(LocalDate birthDate, LocalDate day) {
        if (day.isBefore(birthDate)) {
            throw new IllegalArgumentException("day " + day + " is before the date of birth " + birthDate);
        }
        return Period.between(birthDate, day).getYears();
    }

    /** {@code round(211 − 0.64 × age)}. */
    public static int maxHrForAge(int ageYears) {
        return (int) Math.round(211 - 0.64 * ageYears);
    }

    public static int maxHrOn(LocalDate birthDate, LocalDate day) {
        return maxHrForAge(ageOn(birthDate, day));
    }

    /** Lower bounds (bpm) of the five zones for a max HR. */
    public static double[] bounds(int maxHr) {
        double[] b = new double[SHARES.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Math.round(SHARES[i] * maxHr);
        }
        return b;
    }

    /** A max HR in force from {@code validFrom} to {@code validTo} inclusive. */
    public record MaxHrPeriod(LocalDate validFrom, LocalDate validTo, int maxHr) {
    }

    /**
     * The age-based max HR history between two days (inclusive): a new period on each birthday that changes the
     * rounded max HR (two ages can share one, e.g. 40 and 41 both give 185).
     */
    public static List<MaxHrPeriod> history(LocalDate birthDate, LocalDate from, LocalDate to) {
        List<MaxHrPeriod> out = new ArrayList<>();
        LocalDate start = from.isBefore(birthDate) ? birthDate : from;
        while (!start.isAfter(to)) {
            int age = ageOn(birthDate, start);
            LocalDate nextBirthday = birthDate.plusYears(age + 1L);
            if (nextBirthday.getMonthValue() == 2 && nextBirthday.getDayOfMonth() == 28
                    && birthDate.getMonthValue() == 2 && birthDate.getDayOfMonth() == 29) {
                nextBirthday = nextBirthday.plusDays(1); // Period counts a 29 Feb birthday on 1 March in common years
            }
            LocalDate end = nextBirthday.minusDays(1);
            if (end.isAfter(to)) {
                end = to;
            }
            int maxHr = maxHrForAge(age);
            MaxHrPeriod last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.maxHr() == maxHr) {
                out.set(out.size() - 1, new MaxHrPeriod(last.validFrom(), end, maxHr)); // same max HR: one period
            } else {
                out.add(new MaxHrPeriod(start, end, maxHr));
            }
            start = end.plusDays(1);
        }
        return out;
    }
}
