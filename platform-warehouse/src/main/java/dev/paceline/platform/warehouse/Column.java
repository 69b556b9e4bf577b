package dev.paceline.platform.warehouse;

/** One column of a table schema; {@code repeated} marks an ARRAY of {@code type}. */
public record Column(String name, ColumnType type, boolean repeated) {

    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    public static Column array(String name, ColumnType type) {
        return new Column(name, type, true);
    }
}
