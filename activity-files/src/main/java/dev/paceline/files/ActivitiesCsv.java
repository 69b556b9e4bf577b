package dev.paceline.files;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Strava's {@code activities.csv}. Its header repeats names ("Elapsed Time", "Distance", "Max Heart Rate", …):
 * the first copy is in display units, the later one in SI, so columns are found by position — the SI copy when
 * there is one. Fields follow RFC 4180 (quotes, commas and newlines inside quotes). Rows that cannot be read are
 * returned as {@link Problem}s naming the line; the other rows are still read.
 */
public final class ActivitiesCsv {

    /** Bound on one field and on the number of columns: an export's notes are long, not megabytes. */
    static final int MAX_FIELD_CHARS = 1 << 20;
    static final int MAX_COLUMNS = 1000;

    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d, yyyy, h:mm:ss a")
            .toFormatter(Locale.ENGLISH);

    /** A row not read, with its line and the reason. */
    public record Problem(int line, String reason) {
    }

    /** The rows read and the rows refused. */
    public record Result(List<CsvActivity> activities, List<Problem> problems) {
    }

    private ActivitiesCsv() {
    }

    public static Result read(Reader in) throws IOException {
        CsvTokenizer csv = new CsvTokenizer(in);
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException("activities.csv is empty: take it from the Strava export again.");
        }
        Columns c = new Columns(header);
        List<CsvActivity> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> row;
        while (true) {
            int line = csv.line();
            row = csv.next();
            if (row == null) {
                break;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            try {
                rows.add(c.activity(line, row));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, e.getMessage()));
            }
        }
        return new Result(rows, problems);
    }

    /** A Strava activity type as written in the CSV, as the API's sport_type ({@code E-Bike Ride} → {@code EBikeRide}). */
    static String sportType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (char ch : type.strip().toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Column positions: the first copy of a name, or its last (SI) copy. */
    private static final class Columns {
        final Map<String, List<Integer>> byName = new HashMap<>();

        Columns(List<String> header) {
            if (header.size() > MAX_COLUMNS) {
                throw new IllegalArgumentException("activities.csv has " + header.size() + " columns, more than "
                        + MAX_COLUMNS + ": it is not Strava's activities.csv.");
            }
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).strip();
                if (i == 0 && h.startsWith("\uFEFF")) {
                    h = h.substring(1);
                }
                byName.computeIfAbsent(h.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
            }
            for (String required : List.of("activity id", "activity date", "activity type")) {
                if (!byName.containsKey(required)) {
                    throw new IllegalArgumentException("activities.csv has no \"" + required + "\" column: the "
                            + "export is in another language or not Strava's. Set your Strava language to English, "
                            + "request the export again, or import the activity files without activities.csv.");
                }
            }
        }

        String first(List<String> row, String name) {
            List<Integer> at = byName.get(name);
            return at == null || at.get(0) >= row.size() ? null : blankToNull(row.get(at.get(0)));
        }

        /** The SI copy of a repeated column (the last), or the only one. */
        String si(List<String> row, String name) {
            List<Integer> at = byName.get(name);
            if (at == null) {
                return null;
            }
            int i = at.get(at.size() - 1);
            return i >= row.size() ? null : blankToNull(row.get(i));
        }

        CsvActivity activity(int line, List<String> row) {
            String idText = first(row, "activity id");
            long id;
            try {
                id = Long.parseLong(idText == null ? "" : idText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the Activity ID \"" + idText + "\" is not a number");
            }
            if (id <= 0) {
                throw new IllegalArgumentException("the Activity ID " + id + " is not positive");
            }
            String date = first(row, "activity date");
            Instant start;
            try {
                start = LocalDateTime.parse(date == null ? "" : date.strip(), DATE).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("activity " + id + ": the Activity Date \"" + date
                        + "\" is not like \"Aug 16, 2013, 3:35:10 PM\"");
            }
            Double elapsed = number(si(row, "elapsed time"));
            Double moving = number(si(row, "moving time"));
            Double distance = siDistance(row);
            String commute = si(row, "commute");
            return new CsvActivity(line, id, start, first(row, "activity name"), sportType(first(row, "activity type")),
                    first(row, "activity description"),
                    elapsed == null ? null : (int) Math.round(elapsed), moving == null ? null : (int) Math.round(moving),
                    distance, number(si(row, "elevation gain")), number(si(row, "max speed")),
                    number(si(row, "average speed")), number(si(row, "max heart rate")),
                    number(si(row, "average heart rate")), number(si(row, "max watts")),
                    number(si(row, "average watts")), number(si(row, "weighted average power")),
                    number(si(row, "average cadence")), number(si(row, "calories")),
                    commute != null && (commute.equalsIgnoreCase("true") || commute.equals("1")
                            || commute.equals("1.0")),
                    first(row, "activity gear"), first(row, "filename"));
        }

        /** Distance in metres: the SI copy; an export with only the display copy (km) is converted. */
        private Double siDistance(List<String> row) {
            List<Integer> at = byName.get("distance");
            if (at == null) {
                return null;
            }
            if (at.size() > 1) {
                return number(si(row, "distance"));
            }
            Double km = number(first(row, "distance"));
            return km == null ? null : km * 1000.0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip().replace(",", ""));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ({@code ""}) and line breaks. */
    static final class CsvTokenizer {
        private final Reader in;
        private int line = 1;
        private int pushed = -2;

        CsvTokenizer(Reader in) {
            this.in = in;
        }

        /** The line the next record starts on. */
        int line() {
            return line;
        }

        private int read() throws IOException {
            if (pushed != -2) {
                int c = pushed;
                pushed = -2;
                return c;
            }
            return in.read();
        }

        List<String> next() throws IOException {
            int c = read();
            if (c < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (true) {
                if (c < 0) {
                    if (quoted) {
                        throw new IllegalArgumentException("activities.csv ends inside a quoted field that starts "
                                + "before line " + line + ": the file is truncated — take it from the export again.");
                    }
                    fields.add(f.toString());
                    return fields;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int d = read();
                        if (d == '"') {
                            f.append('"');
                        } else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        f.append(ch);
                    }
                } else if (ch == '"' && f.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (ch == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                    wasQuoted = false;
                    if (fields.size() > MAX_COLUMNS) {
                        throw new IllegalArgumentException("line " + line + " of activities.csv has more than "
                                + MAX_COLUMNS + " fields: it is not Strava's activities.csv.");
                    }
                } else if (ch == '\r' || ch == '\n') {
                    if (ch == '\r') {
                        int d = read();
                        if (d != '\n') {
                            pushed = d;
                        }
                    }
                    line++;
                    fields.add(f.toString());
                    return fields;
                } else {
                    f.append(ch);
                }
                if (f.length() > MAX_FIELD_CHARS) {
                    throw new IllegalArgumentException("a field on line " + line + " of activities.csv is longer than "
                            + MAX_FIELD_CHARS + " characters: the file is damaged (an unclosed quote?).");
                }
                c = read();
            }
        }
    }
}
