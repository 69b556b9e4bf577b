package dev.paceline.platform.testing.googlesql;

import java.util.List;
import java.util.Map;

/**
 * What {@link GoogleSql#executeScript} produced.
 *
 * @param statements every statement's analysis, in script order
 * @param tables the rows of every table or view the script created, by name as written in the script
 * @param queries the result of every plain query ({@code SELECT}, {@code WITH ...}) in script order
 */
public record ScriptResult(List<Analysis> statements, Map<String, QueryRows> tables, List<QueryRows> queries) {

  public ScriptResult {
    statements = List.copyOf(statements);
    tables = Map.copyOf(tables);
    queries = List.copyOf(queries);
  }

  /** The rows of a table or view the script created (name case-insensitive, with or without backticks). */
  public QueryRows table(String name) {
    String wanted = String.join(".", TableCatalog.path(name));
    return tables.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(wanted))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the script created no table " + name + "; it created "
            + tables.keySet()));
  }

  /** The result of the script's last plain query. */
  public QueryRows lastQuery() {
    if (queries.isEmpty()) {
      throw new IllegalStateException("the script has no plain query: end it with a SELECT to read a result");
    }
    return queries.get(queries.size() - 1);
  }
}
