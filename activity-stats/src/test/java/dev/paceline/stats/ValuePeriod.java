package dev.paceline.stats;

import java.time.LocalDate;

/**
 * A value in force from {@code validFrom} to {@code validTo} (inclusive; null = still in force at the end of the
 * range asked for), with where it came from.
 *
 * @param source e.g. {@code eftp}, {@code ftp_test}, {@code race_5k}
 */
public record ValuePeriod(LocalDate validFrom, LocalDate validTo, double value, String source) {
}
