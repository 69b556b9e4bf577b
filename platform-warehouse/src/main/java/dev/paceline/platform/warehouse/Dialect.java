package dev.paceline.platform.warehouse;

/** The SQL dialects Paceline renders models for. */
public enum Dialect {
    DUCKDB,
    BIGQUERY
}
