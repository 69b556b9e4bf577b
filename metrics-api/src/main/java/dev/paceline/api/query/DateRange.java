package dev.paceline.api.query;

import java.time.LocalDate;

/** An inclusive range of local dates as epoch days; open ends are the extreme ints. */
public record DateRange(int from, int to) {

    public static final DateRange ALL = new DateRange(Integer.MIN_VALUE + 1, Integer.MAX_VALUE);

    public static DateRange of(LocalDate from, LocalDate to) {
        return new DateRange(from == null ? ALL.from : (int) from.toEpochDay(), to == null ? ALL.to : (int) to.toEpochDay());
    }

    public boolean contains(int epochDay) {
        return epochDay >= from && epochDay <= to;
    }

    /** Canonical text for cache keys. */
    public String key() {
        return from + ".." + to;
    }
}
