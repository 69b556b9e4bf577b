package dev.paceline.platform.warehouse;

/** What a load does with rows already in the table. */
public enum WriteMode {
    /** Adds the rows. */
    APPEND,
    /** Replaces the table's rows atomically. */
    TRUNCATE
}
