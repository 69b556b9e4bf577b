package dev.paceline.platform.testing.googlesql;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import java.util.List;
import java.util.Optional;

/**
 * One statement that BigQuery's SQL frontend accepted.
 *
 * @param sql the statement's text (for a script: this statement only, without its {@code ;})
 * @param kind the resolved statement kind, e.g. {@code QueryStmt}, {@code CreateTableAsSelectStmt},
 *     {@code CreateViewStmt}, {@code MergeStmt}
 * @param outputColumns what the statement produces: a query's result columns, or the columns of the table or view
 *     a {@code CREATE} statement makes; empty for other statements
 * @param targetTable the table a {@code CREATE}, {@code MERGE}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 *     writes, as a dotted name
 * @param referencedTables catalog tables the statement reads or writes, sorted, as registered
 * @param resolved the analyzer's resolved AST, for checks this record does not cover
 */
public record Analysis(
    String sql,
    String kind,
    List<Column> outputColumns,
    Optional<String> targetTable,
    List<String> referencedTables,
    ResolvedStatement resolved) {

  public Analysis {
    outputColumns = List.copyOf(outputColumns);
    referencedTables = List.copyOf(referencedTables);
  }

  /** The output column names in order. */
  public List<String> columnNames() {
    return outputColumns.stream().map(Column::name).toList();
  }

  /** The output columns as a {@code "name TYPE, name TYPE"} list, handy in assertions and error messages. */
  public String schema() {
    return String.join(", ", outputColumns.stream().map(Column::toString).toList());
  }
}
