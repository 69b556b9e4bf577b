package dev.paceline.platform.testing.googlesql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a query result in the harness's normalised Java form (see {@code docs/googlesql-harness.md}), with
 * the result's columns. Produced by {@link GoogleSql#execute} and by {@link DuckDbRows}, compared by
 * {@link RowsComparison}.
 */
public record QueryRows(List<Column> columns, List<List<Object>> rows) {

  public QueryRows {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row " + copy.size() + " has " + row.size() + " values for "
            + columns.size() + " columns " + columns);
      }
      // List.copyOf rejects nulls, and SQL rows have them.
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public int size() {
    return rows.size();
  }

  /** The rows as maps from column name to value, in column order. */
  public List<Map<String, Object>> asMaps() {
    List<Map<String, Object>> maps = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        map.put(columns.get(i).name(), row.get(i));
      }
      maps.add(Collections.unmodifiableMap(map));
    }
    return Collections.unmodifiableList(maps);
  }

  /** The values of one column, by name (case-insensitive). */
  public List<Object> column(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        int index = i;
        return rows.stream().map(r -> r.get(index)).toList();
      }
    }
    throw new IllegalArgumentException("no column " + name + " in " + columnNames());
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(String.join(" | ", columnNames()));
    for (List<Object> row : rows) {
      out.append('\n').append(RowsComparison.format(row));
    }
    return out.toString();
  }
}
