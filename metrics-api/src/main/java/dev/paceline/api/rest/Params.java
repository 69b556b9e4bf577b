package dev.paceline.api.rest;

import dev.paceline.api.problem.BadParameter;
import dev.paceline.api.query.BestsQueries;
import dev.paceline.api.query.DateRange;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parsing and validation of query parameters; every failure names the parameter and the accepted form. */
final class Params {

    private static final Map<String, String> DISTANCE_ALIASES = Map.ofEntries(
            Map.entry("400", "400m"), Map.entry("400m", "400m"),
            Map.entry("1000", "1k"), Map.entry("1k", "1k"), Map.entry("1km", "1k"),
            Map.entry("1mile", "1mile"), Map.entry("mile", "1mile"), Map.entry("1609.344", "1mile"),
            Map.entry("5000", "5k"), Map.entry("5k", "5k"), Map.entry("5km", "5k"),
            Map.entry("10000", "10k"), Map.entry("10k", "10k"), Map.entry("10km", "10k"),
            Map.entry("21097.5", "half_marathon"), Map.entry("half_marathon", "half_marathon"), Map.entry("half", "half_marathon"),
            Map.entry("42195", "marathon"), Map.entry("marathon", "marathon"));

    private Params() {
    }

    static long id(String name, String value) {
        try {
            long v = Long.parseLong(value);
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameter(name, name + ": '" + value + "' is not an id; ids are positive whole numbers");
        }
    }

    /** Dates a training history can hold; outside them a date is a typo, not an empty range. */
    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2200, 12, 31);

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, name + ": '" + value + "' is not a date; use YYYY-MM-DD, e.g. 2026-11-27");
        }
        if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
            throw new BadParameter(name, name + ": " + d + " is outside " + FIRST_DATE + ".." + LAST_DATE
                    + "; use a date in that range (or leave " + name + " out for an open end)");
        }
        return d;
    }

    static DateRange range(String from, String to) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f != null && t != null && f.isAfter(t)) {
            throw new BadParameter("from", "from (" + f + ") is after to (" + t + "): swap them or widen the range");
        }
        return DateRange.of(f, t);
    }

    static String oneOf(String name, String value, List<String> allowed, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadParameter(name, name + ": '" + value + "' is not accepted; use one of " + String.join(", ", allowed));
        }
        return v;
    }

    /** Optional free-text filter value (activity type names): trimmed, null when blank. */
    static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > 64) {
            throw new BadParameter(name, name + ": at most 64 characters");
        }
        return v;
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new BadParameter(name, name + ": '" + value + "' is not a boolean; use true or false");
        };
    }

    static int intIn(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameter(name, name + ": '" + value + "' is not a whole number; use " + min + ".." + max);
        }
        if (v < min || v > max) {
            throw new BadParameter(name, name + ": " + v + " is out of range; use " + min + ".." + max);
        }
        return v;
    }

    /** Durations like 15s, 1m, 20m, 1h or plain seconds, each one of the power-best durations. */
    static List<Integer> durations(String value) {
        if (value == null || value.isBlank()) {
            return BestsQueries.DURATIONS;
        }
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            Integer seconds = null;
            try {
                if (p.endsWith("s")) {
                    seconds = Integer.parseInt(p.substring(0, p.length() - 1));
                } else if (p.endsWith("min")) {
                    seconds = 60 * Integer.parseInt(p.substring(0, p.length() - 3));
                } else if (p.endsWith("m")) {
                    seconds = 60 * Integer.parseInt(p.substring(0, p.length() - 1));
                } else if (p.endsWith("h")) {
                    seconds = 3600 * Integer.parseInt(p.substring(0, p.length() - 1));
                } else {
                    seconds = Integer.parseInt(p);
                }
            } catch (NumberFormatException e) {
                seconds = null;
            }
            if (seconds == null || !BestsQueries.DURATIONS.contains(seconds)) {
                throw new BadParameter("durations", "durations: '" + part.trim() + "' is not a power-best duration; use "
                        + String.join(",", BestsQueries.DURATIONS.stream().map(BestsQueries::label).toList())
                        + " (or seconds)");
            }
            out.add(seconds);
        }
        return new ArrayList<>(out);
    }

    /** Distances by name (5k, half_marathon…) or metres, each one of the run-best distances. */
    static List<String> distances(String value) {
        if (value == null || value.isBlank()) {
            return new ArrayList<>(BestsQueries.DISTANCES.keySet());
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            String name = DISTANCE_ALIASES.get(p.endsWith(".0") ? p.substring(0, p.length() - 2) : p);
            if (name == null) {
                throw new BadParameter("distances", "distances: '" + part.trim() + "' is not a run-best distance; use "
                        + String.join(",", BestsQueries.DISTANCES.keySet()) + " (or their metres)");
            }
            out.add(name);
        }
        return new ArrayList<>(out);
    }
}
