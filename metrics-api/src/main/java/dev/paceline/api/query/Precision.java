package dev.paceline.api.query;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many decimals each answer column carries, by its name (docs/api.md, Precision): seconds whole; watts, loads,
 * CTL/ATL/form, distances and other measures 1 decimal; speeds and zone bounds 2; IF and coverage 3; shares 4.
 * Applied once when an answer's rows are built, so JSON and CSV carry the same rounded values.
 */
public final class Precision {

    private Precision() {
    }

    /** Decimals of a column ({@code _prev} columns as their base column). */
    public static int decimals(String column) {
        String c = column.endsWith("_prev") ? column.substring(0, column.length() - 5) : column;
        if (c.endsWith("_change_pct")) {
            return 1;
        }
        if (c.endsWith("_share")) {
            return 4;
        }
        if (c.equals("intensity_factor") || c.equals("avg_if") || c.equals("coverage")) {
            return 3;
        }
        if (c.endsWith("_mps") || c.equals("lower") || c.equals("upper") || c.equals("threshold")) {
            return 2;
        }
        if (c.endsWith("_s_per_km")) {
            return 1;
        }
        if (c.endsWith("_s")) {
            return 0;
        }
        return 1;
    }

    /** {@code v} rounded half-up to {@code decimals} places (NaN and infinities unchanged). */
    public static double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
