package dev.paceline.simulator.data;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The generated athlete's physiology as a function of the date: FTP and running threshold speed improve over the
 * first years and swing with the season; the maximum heart rate follows the age formula of METRICS.md.
 *
 * @param birthDate   date of birth (maximum heart rate changes on each birthday)
 * @param historyStart first day of the generated history (fitness grows from here)
 * @param restHr      resting heart rate, bpm
 * @param weightKg    body weight, kg
 */
public record Physiology(LocalDate birthDate, LocalDate historyStart, int restHr, double weightKg) {

    /** Functional threshold power on a day, watts. */
    public int ftpWatts(LocalDate day) {
        double years = ChronoUnit.DAYS.between(historyStart, day) / 365.25;
        double trend = 215 + 45 * (1 - Math.exp(-Math.max(0, years) / 1.5));
        double season = 8 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 100) / 365.25);
        return (int) Math.round(trend + season);
    }

    /** Maximum heart rate on a day: {@code round(211 - 0.64 * age)}. */
    public int maxHr(LocalDate day) {
        int age = Period.between(birthDate, day).getYears();
        return (int) Math.round(211 - 0.64 * age);
    }

    /** Running threshold (about 10 km race) speed on a day, m/s. */
    public double thresholdSpeed(LocalDate day) {
        double years = ChronoUnit.DAYS.between(historyStart, day) / 365.25;
        double trend = 3.85 + 0.35 * (1 - Math.exp(-Math.max(0, years) / 1.5));
        double season = 0.06 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 100) / 365.25);
        return trend + season;
    }

    /** Lactate threshold heart rate on a day (about 90 % of the heart-rate reserve). */
    public int thresholdHr(LocalDate day) {
        return (int) Math.round(restHr + 0.87 * (maxHr(day) - restHr));
    }
}
