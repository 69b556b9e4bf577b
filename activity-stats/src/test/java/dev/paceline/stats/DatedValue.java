package dev.paceline.stats;

import java.time.LocalDate;

/** A value on a local day, e.g. an activity's best 20 min power or a 5 km time. */
public record DatedValue(LocalDate date, double value) {
}
