package dev.paceline.platform.warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites {@code @name} parameters to positional {@code ?} for JDBC, skipping string literals ({@code '…'} with
 * {@code ''} escapes, {@code $$…$$} and {@code $tag$…$tag$}), quoted identifiers ({@code "…"}, {@code `…`}) and comments
 * ({@code -- …} and {@code /* … *\/}). {@code @@system_variables} are left alone. A name is a letter or underscore followed by letters, digits or underscores.
 */
public final class NamedParameters {

    /** The rewritten SQL and the parameter names, in the order of their {@code ?}. */
    public record Rewritten(String sql, List<String> names) {
    }

    private NamedParameters() {
    }

    /** Rewrites with BigQuery's string rules (a backslash escapes the next character). */
    public static Rewritten rewrite(String sql) {
        return rewrite(sql, true);
    }

    /**
     * @param backslashEscapes true for BigQuery ({@code 'it\'s'}), false for DuckDB, where a backslash is an
     *     ordinary character and only {@code ''} escapes a quote
     */
    public static Rewritten rewrite(String sql, boolean backslashEscapes) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n) {
                    if (sql.charAt(end) == c) {
                        if (end + 1 < n && sql.charAt(end + 1) == c) {
                            end += 2; // doubled quote escape
                            continue;
                        }
                        break;
                    }
                    if (backslashEscapes && sql.charAt(end) == '\\' && end + 1 < n) {
                        end += 2; // backslash escape (BigQuery strings and quoted identifiers)
                        continue;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.append(sql, i, end);
                i = end;
            } else if (c == '@' && i + 1 < n && isNameStart(sql.charAt(i + 1))
                    && (i == 0 || (!isNamePart(sql.charAt(i - 1)) && sql.charAt(i - 1) != '@'))) {
                int end = i + 2;
                while (end < n && isNamePart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return new Rewritten(out.toString(), List.copyOf(names));
    }

    /** Index after the closing '$' of a dollar-quote opener ($$ or $tag$) at {@code i}, or -1. */
    private static int dollarTagEnd(String sql, int i) {
        if (i > 0 && isNamePart(sql.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
