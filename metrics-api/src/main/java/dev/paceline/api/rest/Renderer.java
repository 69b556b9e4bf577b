package dev.paceline.api.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.paceline.api.query.Answer;
import dev.paceline.api.query.Rows;
import java.time.LocalDate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serializes answers to JSON or CSV bytes (the bytes are cached, so this runs once per build and query). */
public final class Renderer {

    private static final JsonFactory JSON = new JsonFactory();

    private Renderer() {
    }

    /** A JSON array of objects, one per row, keys in column order, nulls written as null. */
    public static byte[] json(Rows rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows.size() * 32 * rows.columns().size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Object[] r : rows.rows()) {
                writeRow(g, rows, r);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JSON of an answer: an array of rows, or one object with its nested arrays. */
    public static byte[] json(Answer.Result result) {
        return result.object() ? jsonObject(result.rows(), result.nested()) : json(result.rows());
    }

    /** One JSON object: {@code fields} first (scalars), then {@code nested} arrays of rows by name. */
    public static byte[] jsonObject(Rows fields, Map<String, Rows> nested) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            Object[] r = fields.rows().isEmpty() ? new Object[fields.columns().size()] : fields.rows().get(0);
            writeFields(g, fields, r);
            for (Map.Entry<String, Rows> e : nested.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (Object[] nr : e.getValue().rows()) {
                    writeRow(g, e.getValue(), nr);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeRow(JsonGenerator g, Rows rows, Object[] r) throws IOException {
        g.writeStartObject();
        writeFields(g, rows, r);
        g.writeEndObject();
    }

    private static void writeFields(JsonGenerator g, Rows rows, Object[] r) throws IOException {
        for (int i = 0; i < r.length; i++) {
            g.writeFieldName(rows.columns().get(i));
            Object v = r[i];
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Number n) {
                String t = text(n);
                if (t == null) {
                    g.writeNull();
                } else {
                    g.writeNumber(t);
                }
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(text(v));
            }
        }
    }

    /** RFC 4180 CSV with a header line; null is an empty field; numbers as in JSON. */
    public static byte[] csv(Rows rows) {
        StringBuilder sb = new StringBuilder(64 + rows.size() * 16 * rows.columns().size());
        for (int i = 0; i < rows.columns().size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            field(sb, rows.columns().get(i));
        }
        sb.append("\r\n");
        for (Object[] r : rows.rows()) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String t = text(r[i]);
                if (t != null) {
                    field(sb, r[i] instanceof String ? neutralized(t) : t);
                }
            }
            sb.append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Text a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) gets a leading
     * apostrophe (OWASP's CSV-injection advice); numbers are written as numbers and never start so but for a minus.
     */
    static String neutralized(String t) {
        if (t.isEmpty()) {
            return t;
        }
        char c = t.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + t : t;
    }

    private static void field(StringBuilder sb, String t) {
        boolean quote = false;
        for (int i = 0; i < t.length() && !quote; i++) {
            char c = t.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(t);
            return;
        }
        sb.append('"');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** Text of one value as written in both JSON (numbers unquoted) and CSV; null for null. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    /** A finite double as plain decimal text (no exponent; whole numbers without ".0"); null for NaN/infinite. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        return s.indexOf('E') < 0 ? s : new java.math.BigDecimal(s).toPlainString();
    }
}
