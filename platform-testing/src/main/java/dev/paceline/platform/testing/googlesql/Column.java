package dev.paceline.platform.testing.googlesql;

import java.util.Objects;

/**
 * A column of a table or of a query result: its name and its BigQuery type, spelled as BigQuery does
 * ({@code INT64}, {@code ARRAY<STRUCT<a INT64, b STRING>>}).
 *
 * <p>Columns passed to {@link GoogleSql.Builder} are parsed and canonicalised ({@code INTEGER} becomes
 * {@code INT64}, {@code STRING(10)} becomes {@code STRING}); columns returned by the analyzer are already canonical.
 */
public record Column(String name, String type) {

  public Column {
    Objects.requireNonNull(name, "column name");
    Objects.requireNonNull(type, "column type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name is blank: give every column a name, e.g. \"athlete_id INT64\"");
    }
  }

  /** A column whose type is parsed and canonicalised now, failing fast on an unknown type. */
  public static Column of(String name, String type) {
    return new Column(name, BigQueryTypes.canonical(type));
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
