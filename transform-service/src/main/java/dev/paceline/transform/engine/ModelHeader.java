package dev.paceline.transform.engine;

import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.ModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documentation header of a model: the first {@code {# … #}} block of a SQL file (or the {@code #} lines that
 * open a seed CSV), with {@code grain:}, {@code description:} and a {@code tests:} list. See docs/models.md.
 *
 * <pre>
 * grain: one row per activity (athlete_id, activity_id)
 * tests:
 *   - unique: athlete_id, activity_id
 *   - not_null: athlete_id, activity_id, sport
 *   - accepted_values: sport in (ride, run, other)
 *   - relationships: athlete_id -> stg_strava__athletes
 *   - expression [warn]: elapsed_time_s >= moving_time_s
 * </pre>
 */
public record ModelHeader(String grain, String description, List<DataTestSpec> tests) {

    private static final Pattern TEST = Pattern.compile("^-\\s*([a-z_]+)\\s*(?:\\[\\s*([a-z]+)\\s*])?\\s*:\\s*(.+)$");
    private static final Pattern ACCEPTED = Pattern.compile("^(.+?)\\s+in\\s*\\((.*)\\)$");
    private static final Pattern RELATION = Pattern.compile("^(.+?)\\s*->\\s*([A-Za-z0-9_]+)\\s*(?:\\((.*)\\))?$");

    /** Parses the header text of {@code model}; errors name the line and the accepted forms. */
    public static ModelHeader parse(String model, String text) {
        String grain = null;
        String description = null;
        List<DataTestSpec> tests = new ArrayList<>();
        boolean inTests = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("grain:")) {
                grain = line.substring("grain:".length()).strip();
                inTests = false;
            } else if (line.startsWith("description:")) {
                description = line.substring("description:".length()).strip();
                inTests = false;
            } else if (line.equals("tests:")) {
                inTests = true;
            } else if (inTests && line.startsWith("-")) {
                tests.add(test(model, line));
            } else if (description != null && !inTests) {
                description = description + " " + line;
            } else {
                throw new ModelException(model + ": header line '" + line + "' is not 'grain: …', 'description: …', "
                        + "'tests:' or a '- kind: args' test line (see docs/models.md)");
            }
        }
        if (grain == null || grain.isBlank()) {
            throw new ModelException(model + ": the header has no 'grain:' line; add one saying what one row is "
                    + "(see docs/models.md)");
        }
        return new ModelHeader(grain, description, List.copyOf(tests));
    }

    private static DataTestSpec test(String model, String line) {
        Matcher m = TEST.matcher(line);
        if (!m.matches()) {
            throw new ModelException(model + ": test line '" + line + "' is not '- kind: args' or '- kind [warn]: args'");
        }
        String kind = m.group(1);
        DataTestSpec.Severity severity = DataTestSpec.Severity.ERROR;
        if (m.group(2) != null) {
            try {
                severity = DataTestSpec.Severity.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ModelException(model + ": test line '" + line + "': severity '" + m.group(2)
                        + "' is not 'error' or 'warn'");
            }
        }
        String args = m.group(3).strip();
        return switch (kind) {
            case "unique", "not_null" -> new DataTestSpec(model, kind, severity, columns(args), List.of(), null, List.of(), null);
            case "accepted_values" -> {
                Matcher a = ACCEPTED.matcher(args);
                if (!a.matches()) {
                    throw new ModelException(model + ": accepted_values needs 'column in (a, b, c)', got '" + args + "'");
                }
                List<String> values = columns(a.group(2)).stream().map(ModelHeader::unquote).toList();
                yield new DataTestSpec(model, kind, severity, columns(a.group(1)), values, null, List.of(), null);
            }
            case "relationships" -> {
                Matcher r = RELATION.matcher(args);
                if (!r.matches()) {
                    throw new ModelException(model + ": relationships needs 'col[, col] -> model' or "
                            + "'col[, col] -> model(col[, col])', got '" + args + "'");
                }
                List<String> from = columns(r.group(1));
                List<String> to = r.group(3) == null ? from : columns(r.group(3));
                if (to.size() != from.size()) {
                    throw new ModelException(model + ": relationships '" + args + "' maps " + from.size()
                            + " columns to " + to.size());
                }
                yield new DataTestSpec(model, kind, severity, from, List.of(), r.group(2), to, null);
            }
            case "expression" -> new DataTestSpec(model, kind, severity, List.of(), List.of(), null, List.of(), args);
            default -> throw new ModelException(model + ": unknown test '" + kind
                    + "'; use unique, not_null, accepted_values, relationships or expression");
        };
    }

    private static List<String> columns(String csv) {
        String s = csv.strip();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
