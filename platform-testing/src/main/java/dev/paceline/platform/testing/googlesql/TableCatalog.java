package dev.paceline.platform.testing.googlesql;

import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A GoogleSQL {@link SimpleCatalog} holding BigQuery tables plus the builtin function catalog.
 *
 * <p>A dotted name such as {@code stg.samples} is registered twice: under nested catalogs ({@code stg} →
 * {@code samples}) so that the unquoted path {@code stg.samples} resolves as in BigQuery, and as one root-level
 * table named {@code stg.samples} so that {@code `stg.samples`} resolves too. The reference engine only loads rows
 * into root-level tables, which is why {@link GoogleSql#execute} rewrites dotted paths to the quoted form.
 *
 * <p>Not thread-safe while being filled; read-only afterwards.
 */
final class TableCatalog {

  private final SimpleCatalog root = new SimpleCatalog("bigquery");
  /** Lower-case name → table as registered (its name keeps the caller's spelling). */
  private final Map<String, SimpleTable> tables = new LinkedHashMap<>();

  TableCatalog(Map<String, List<Column>> initial) {
    root.addZetaSQLFunctionsAndTypes(BigQueryDialect.builtinFunctions());
    initial.forEach(this::put);
  }

  SimpleCatalog simpleCatalog() {
    return root;
  }

  /** Adds a table, or replaces the one with the same name (as CREATE OR REPLACE does). */
  void put(String name, List<Column> columns) {
    List<String> path = path(name);
    String fullName = String.join(".", path);
    remove(fullName);
    SimpleTable rootTable = table(fullName, fullName, columns);
    root.addSimpleTable(fullName, rootTable);
    if (path.size() > 1) {
      SimpleCatalog parent = root;
      for (String segment : path.subList(0, path.size() - 1)) {
        SimpleCatalog child = parent.getCatalog(segment);
        parent = child != null ? child : parent.addNewSimpleCatalog(segment);
      }
      // Named by its last segment (so "Did you mean" suggestions read stg.samples), full name kept for reports.
      SimpleTable nested = table(path.get(path.size() - 1), fullName, columns);
      parent.addSimpleTable(path.get(path.size() - 1), nested);
    }
    tables.put(fullName.toLowerCase(Locale.ROOT), rootTable);
  }

  /** Removes a table, as DROP TABLE/VIEW does; an unknown name is ignored. */
  void drop(String name) {
    remove(String.join(".", path(name)));
  }

  private void remove(String fullName) {
    SimpleTable existing = tables.remove(fullName.toLowerCase(Locale.ROOT));
    if (existing == null) {
      return;
    }
    root.removeSimpleTable(existing.getName());
    List<String> path = path(fullName);
    SimpleCatalog parent = root;
    for (String segment : path.subList(0, path.size() - 1)) {
      parent = parent == null ? null : parent.getCatalog(segment);
    }
    if (parent != null && path.size() > 1) {
      parent.removeSimpleTable(path.get(path.size() - 1));
    }
  }

  /** The registered table for a name as a user may write it (any case, with or without backticks). */
  Optional<SimpleTable> find(String name) {
    String key = String.join(".", path(name)).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(tables.get(key));
  }

  List<String> tableNames() {
    List<String> names = new ArrayList<>();
    tables.values().forEach(t -> names.add(t.getName()));
    return Collections.unmodifiableList(names);
  }

  static List<String> path(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("table name is empty: use \"table\" or \"dataset.table\"");
    }
    String unquoted = name.trim().replace("`", "");
    List<String> path = List.of(unquoted.split("\\.", -1));
    for (String segment : path) {
      if (segment.isBlank()) {
        throw new IllegalArgumentException("table name \"" + name + "\" has an empty part: use \"table\", "
            + "\"dataset.table\" or \"project.dataset.table\"");
      }
    }
    return path;
  }

  private static SimpleTable table(String name, String fullName, List<Column> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + fullName + " has no columns: BigQuery tables need at least one");
    }
    List<SimpleColumn> simpleColumns = new ArrayList<>();
    for (Column column : columns) {
      Type type = BigQueryTypes.parse(column.type());
      simpleColumns.add(new SimpleColumn(name, column.name(), type));
    }
    SimpleTable table = new SimpleTable(name, simpleColumns);
    table.setFullName(fullName);
    return table;
  }
}
