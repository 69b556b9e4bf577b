package dev.paceline.platform.warehouse;

/** Column types both warehouses share, named as BigQuery names them. */
public enum ColumnType {
    STRING("VARCHAR"),
    INT64("BIGINT"),
    FLOAT64("DOUBLE"),
    NUMERIC("DECIMAL(38,9)"),
    BOOL("BOOLEAN"),
    DATE("DATE"),
    DATETIME("TIMESTAMP"),
    TIMESTAMP("TIMESTAMPTZ"),
    JSON("JSON");

    private final String duckDbType;

    ColumnType(String duckDbType) {
        this.duckDbType = duckDbType;
    }

    /** The DuckDB type this column type is stored as. */
    public String duckDbType() {
        return duckDbType;
    }

    /** The BigQuery standard SQL type name. */
    public String bigQueryType() {
        return name();
    }
}
