package dev.paceline.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the dashboard shows an API value (app/format.js), so tests compare the page with the API's answer: numbers as
 * the API gives them, seconds as h:mm:ss, distances in km with 2 decimals, paces as m:ss, null as a dash.
 */
final class Shown {

    static final String DASH = "–";

    private Shown() {
    }

    /** The JSON number's own text, as JavaScript prints the parsed number (250.0 → 250). */
    static String num(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return DASH;
        }
        if (!v.isNumber()) {
            return v.asText();
        }
        BigDecimal d = v.decimalValue().stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static String duration(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return DASH;
        }
        double s = v.asDouble();
        long t = Math.round(Math.abs(s));
        long h = t / 3600;
        long m = (t % 3600) / 60;
        long sec = t % 60;
        String sign = s < 0 ? "-" : "";
        return h > 0 ? String.format("%s%d:%02d:%02d", sign, h, m, sec) : String.format("%s%d:%02d", sign, m, sec);
    }

    static String km(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return DASH;
        }
        return new BigDecimal(v.asDouble() / 1000).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String pace(double sPerKm) {
        long t = Math.round(sPerKm);
        return String.format("%d:%02d", t / 60, t % 60);
    }

    static String pct(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? DASH : num(v) + "%";
    }

    static String share(JsonNode part, JsonNode total) {
        if (part == null || part.isNull() || total == null || total.asDouble() == 0) {
            return DASH;
        }
        return new BigDecimal(100 * part.asDouble() / total.asDouble()).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** As format.js byColumn: by the column name's unit suffix. */
    static String byColumn(String name, JsonNode v) {
        if (name.endsWith("_change_pct")) {
            return pct(v);
        }
        if ((name.contains("distance") || name.contains("_day_m")) && name.matches(".*_m(_prev)?$")) {
            return km(v);
        }
        if (name.matches(".*_s(_prev)?$")) {
            return duration(v);
        }
        return num(v);
    }

    /** A power-curve duration label: 15s, 1m, 1h30m. */
    static String durationLabel(long s) {
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
        }
        long h = s / 3600;
        long m = Math.round((s % 3600) / 60.0);
        return m != 0 ? h + "h" + m + "m" : h + "h";
    }
}
