package dev.paceline.transform;

import java.util.Locale;

/** How a model is persisted in the warehouse. */
public enum Materialization {
    /** {@code CREATE OR REPLACE VIEW}: always fresh, costs at read time. */
    VIEW,
    /** {@code CREATE OR REPLACE TABLE … AS}: an atomic full replace on every build. */
    TABLE,
    /** MERGE by unique key over the changed activities, with deletes for tombstones; a full build when new. */
    INCREMENTAL,
    /** A CSV seed loaded from resources or the override folder. */
    SEED;

    public static Materialization parse(String value, String model) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ModelException(model + ": materialized='" + value
                    + "' is not one of 'view', 'table', 'incremental'");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
