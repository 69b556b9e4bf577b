package dev.paceline.platform.warehouse;

import java.util.List;
import java.util.Optional;

/** An explicit table schema: ordered columns. */
public record TableSchema(List<Column> columns) {

    public TableSchema {
        columns = List.copyOf(columns);
    }

    public static TableSchema of(Column... columns) {
        return new TableSchema(List.of(columns));
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }
}
