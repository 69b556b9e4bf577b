package dev.paceline.platform.testing.googlesql;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.ParseLocationRange;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.Parser;
import com.google.zetasql.PreparedQuery;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.TableContent;
import com.google.zetasql.Type;
import com.google.zetasql.Value;
import com.google.zetasql.parser.ASTNodes.ASTCreateTableStatement;
import com.google.zetasql.parser.ASTNodes.ASTCreateViewStatementBase;
import com.google.zetasql.parser.ASTNodes.ASTIdentifier;
import com.google.zetasql.parser.ASTNodes.ASTPathExpression;
import com.google.zetasql.parser.ASTNodes.ASTQuery;
import com.google.zetasql.parser.ASTNodes.ASTStatement;
import com.google.zetasql.parser.ASTNodes.ASTTablePathExpression;
import com.google.zetasql.parser.ParseTreeVisitor;
import com.google.zetasql.resolvedast.ResolvedNodes;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedColumnDefinition;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableStmtBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateViewBase;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedDeleteStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedDropStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMergeStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedOutputColumn;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedTableScan;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedUpdateStmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * BigQuery's SQL frontend and GoogleSQL's reference engine, in-process, for tests: analyse statements against a
 * catalog of BigQuery tables, and execute queries on in-memory rows.
 *
 * <pre>{@code
 * GoogleSql bq = GoogleSql.builder()
 *     .table("stg.samples", "athlete_id INT64, day DATE, watts FLOAT64")
 *     .build();
 * Analysis a = bq.analyze("SELECT athlete_id, AVG(watts) AS avg_watts FROM stg.samples GROUP BY athlete_id");
 * QueryRows rows = bq.execute(a.sql(), Map.of("stg.samples", List.of(List.of(1L, LocalDate.of(2024, 1, 1), 200.0))));
 * }</pre>
 *
 * <p>Instances are immutable and may be shared (calls on one instance are serialised); {@link #withTable} returns a
 * new one. The native library and its channel are loaded once per JVM on first use (about two seconds on an idle
 * machine); each instance then builds its catalog once (about 0.1 s) and analyses a statement in milliseconds.
 */
public final class GoogleSql {

  private final Map<String, List<Column>> tables;
  private final Map<String, String> parameters;
  private final AnalyzerOptions options;
  private TableCatalog catalog;

  private GoogleSql(Map<String, List<Column>> tables, Map<String, String> parameters) {
    this.tables = tables;
    this.parameters = parameters;
    Map<String, Type> types = new LinkedHashMap<>();
    parameters.forEach((name, type) -> types.put(name, BigQueryTypes.parse(type)));
    this.options = BigQueryDialect.analyzerOptions(types);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This catalog plus one table (replacing a table of the same name). */
  public GoogleSql withTable(String name, List<Column> columns) {
    return toBuilder().table(name, columns).build();
  }

  /** This catalog plus one table given as {@code "name TYPE, name TYPE"}. */
  public GoogleSql withTable(String name, String columnList) {
    return toBuilder().table(name, columnList).build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    tables.forEach(builder::table);
    parameters.forEach(builder::parameter);
    return builder;
  }

  /** The declared query parameters ({@code @name}) and their BigQuery types. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The catalog's tables by dotted name, in the order they were added. */
  public Map<String, List<Column>> tables() {
    return tables;
  }

  /**
   * Analyses one statement as BigQuery would.
   *
   * @throws GoogleSqlException when the analyzer rejects it, with its message, line and column
   */
  public Analysis analyze(String sql) {
    requireSql(sql);
    TableCatalog cat = catalog();
    try {
      ResolvedStatement statement;
      // The catalog is serialised on each call; one at a time keeps that free of surprises.
      synchronized (cat) {
        statement = Analyzer.analyzeStatement(sql, options, cat.simpleCatalog());
      }
      return describe(sql.trim(), statement);
    } catch (SqlException e) {
      throw GoogleSqlException.fromEngine(e.getMessage(), sql, e);
    }
  }

  /**
   * Analyses a script of {@code ;}-separated statements in order. A table or view created by one statement
   * ({@code CREATE [OR REPLACE] TABLE|VIEW ... AS}, {@code CREATE TABLE (...)}) is visible to the statements after
   * it, and gone after a {@code DROP TABLE|VIEW}, as in a BigQuery multi-statement query. Scripting statements ({@code DECLARE}, {@code SET}, {@code IF},
   * {@code BEGIN}) are not supported.
   *
   * @throws GoogleSqlException at the first rejected statement; line and column are positions in the whole script
   */
  public List<Analysis> analyzeScript(String script) {
    List<Analysis> analyses = new ArrayList<>();
    forEachStatement(script, new TableCatalog(tables), options, (analysis, cat) -> analyses.add(analysis));
    return List.copyOf(analyses);
  }

  /**
   * Executes a query with GoogleSQL's reference engine on in-memory table contents.
   *
   * <p>{@code sql} is a query, or a {@code CREATE [OR REPLACE] TABLE|VIEW ... AS query} whose query is run (so a
   * model's BigQuery rendering can be executed as written). It is analysed first, so a rejected statement fails as
   * in {@link #analyze}.
   *
   * @param contents rows by table name (case-insensitive, dotted, with or without backticks); each row is a list of
   *     plain Java values in column order (see {@code docs/googlesql-harness.md} for the accepted types). Every
   *     table the query reads needs an entry; an empty list is an empty table.
   * @return the result rows, normalised to plain Java values
   */
  public QueryRows execute(String sql, Map<String, ? extends List<? extends List<?>>> contents) {
    return execute(sql, contents, Map.of());
  }

  /**
   * {@link #execute(String, Map)} with values for the query parameters ({@code @since}) declared with
   * {@link Builder#parameter}; every parameter the query uses needs a value (see the table contents for the Java
   * types accepted).
   */
  public QueryRows execute(String sql, Map<String, ? extends List<? extends List<?>>> contents,
      Map<String, ?> parameterValues) {
    Analysis analysis = analyze(sql);
    TableCatalog cat = catalog();
    return run(cat, analysis, tableRows(cat, contents), parameterValues(parameterValues));
  }

  /**
   * Runs a script on in-memory rows: each {@code CREATE [OR REPLACE] TABLE|VIEW ... AS query} is executed and its
   * rows become the contents of the new table for the statements after it; each plain query is executed and kept.
   * This runs a chain of models (staging → intermediate → marts) as BigQuery would, without BigQuery.
   *
   * @throws IllegalArgumentException for a statement that is neither a query nor a {@code CREATE ... AS}
   *     ({@code MERGE}, {@code INSERT}...): check those with {@link #analyzeScript}
   */
  public ScriptResult executeScript(String script, Map<String, ? extends List<? extends List<?>>> contents) {
    return executeScript(script, contents, Map.of());
  }

  /** {@link #executeScript(String, Map)} with values for the declared query parameters. */
  public ScriptResult executeScript(String script, Map<String, ? extends List<? extends List<?>>> contents,
      Map<String, ?> parameterValues) {
    Map<String, Value> values = parameterValues(parameterValues);
    TableCatalog cat = new TableCatalog(tables);
    Map<String, List<? extends List<?>>> rows = tableRows(cat, contents);
    List<Analysis> analyses = new ArrayList<>();
    Map<String, QueryRows> created = new LinkedHashMap<>();
    List<QueryRows> queries = new ArrayList<>();
    forEachStatement(script, cat, options, (analysis, c) -> {
      analyses.add(analysis);
      if (analysis.resolved() instanceof ResolvedQueryStmt) {
        queries.add(run(c, analysis, rows, values));
      } else if (isCreateAsQuery(analysis.resolved())) {
        QueryRows result = run(c, analysis, rows, values);
        String name = analysis.targetTable().orElseThrow();
        created.put(name, result);
        rows.put(name.toLowerCase(Locale.ROOT), result.rows());
      } else {
        throw new IllegalArgumentException("executeScript runs queries and CREATE ... AS statements; statement "
            + (analyses.size()) + " is a " + analysis.kind() + ": check it with analyzeScript() instead");
      }
    });
    return new ScriptResult(analyses, created, queries);
  }

  private synchronized TableCatalog catalog() {
    if (catalog == null) {
      catalog = new TableCatalog(tables);
    }
    return catalog;
  }

  /** Receives each analysed statement with the catalog as it is after the statement. */
  private interface StatementSink {
    void accept(Analysis analysis, TableCatalog catalog);
  }

  private static void forEachStatement(String script, TableCatalog cat, AnalyzerOptions options,
      StatementSink sink) {
    requireSql(script);
    byte[] bytes = script.getBytes(UTF_8);
    ParseResumeLocation location = new ParseResumeLocation(script);
    while (!onlyBlankOrComments(bytes, location.getBytePosition())) {
      int start = location.getBytePosition();
      ResolvedStatement statement;
      try {
        statement = Analyzer.analyzeNextStatement(location, options, cat.simpleCatalog());
      } catch (SqlException e) {
        throw GoogleSqlException.fromEngine(e.getMessage(), script, e);
      }
      int end = location.getBytePosition();
      String text = statementText(script, bytes, start);
      Analysis analysis = describe(text, statement);
      if (statement instanceof ResolvedCreateTableStmtBase || statement instanceof ResolvedCreateViewBase) {
        cat.put(analysis.targetTable().orElseThrow(), analysis.outputColumns());
      } else if (statement instanceof ResolvedDropStmt drop
          && (drop.getObjectType().equalsIgnoreCase("TABLE") || drop.getObjectType().equalsIgnoreCase("VIEW"))) {
        cat.drop(String.join(".", drop.getNamePath()));
      }
      sink.accept(analysis, cat);
      if (end <= start) {
        break;
      }
    }
  }

  private static Analysis describe(String sql, ResolvedStatement statement) {
    List<Column> output = new ArrayList<>();
    Optional<String> target = Optional.empty();
    if (statement instanceof ResolvedQueryStmt query) {
      for (ResolvedOutputColumn column : query.getOutputColumnList()) {
        output.add(new Column(column.getName(), BigQueryTypes.name(column.getColumn().getType())));
      }
    } else if (statement instanceof ResolvedCreateTableStmtBase create) {
      for (ResolvedColumnDefinition column : create.getColumnDefinitionList()) {
        output.add(new Column(column.getName(), BigQueryTypes.name(column.getType())));
      }
    } else if (statement instanceof ResolvedCreateViewBase view) {
      for (ResolvedOutputColumn column : view.getOutputColumnList()) {
        output.add(new Column(column.getName(), BigQueryTypes.name(column.getColumn().getType())));
      }
    }
    if (statement instanceof ResolvedCreateStatement create) {
      target = Optional.of(String.join(".", create.getNamePath()));
    } else if (statement instanceof ResolvedMergeStmt merge) {
      target = Optional.of(merge.getTableScan().getTable().getFullName());
    } else if (statement instanceof ResolvedInsertStmt insert) {
      target = Optional.of(insert.getTableScan().getTable().getFullName());
    } else if (statement instanceof ResolvedUpdateStmt update) {
      target = Optional.of(update.getTableScan().getTable().getFullName());
    } else if (statement instanceof ResolvedDeleteStmt delete) {
      target = Optional.of(delete.getTableScan().getTable().getFullName());
    }
    TreeSet<String> referenced = new TreeSet<>();
    statement.accept(new ResolvedNodes.Visitor() {
      @Override
      public void visit(ResolvedTableScan scan) {
        referenced.add(scan.getTable().getFullName());
        super.visit(scan);
      }
    });
    return new Analysis(sql, statement.nodeKindString(), output, target, List.copyOf(referenced), statement);
  }

  private static boolean isCreateAsQuery(ResolvedStatement statement) {
    return statement instanceof ResolvedNodes.ResolvedCreateTableAsSelectStmt
        || statement instanceof ResolvedCreateViewBase;
  }

  /** Runs an analysed query or CREATE ... AS query on the given rows. */
  private QueryRows run(TableCatalog cat, Analysis analysis, Map<String, ? extends List<? extends List<?>>> rows,
      Map<String, Value> parameterValues) {
    String query;
    if (analysis.resolved() instanceof ResolvedQueryStmt) {
      query = analysis.sql();
    } else if (isCreateAsQuery(analysis.resolved())) {
      query = queryOf(analysis.sql());
    } else {
      throw new IllegalArgumentException("execute runs queries and CREATE ... AS query statements; this is a "
          + analysis.kind() + ": check it with analyze() instead");
    }
    String executable = quoteDottedTablePaths(query, cat);
    Map<String, TableContent> contents = new HashMap<>();
    for (String table : analysis.referencedTables()) {
      SimpleTable simpleTable = cat.find(table).orElseThrow();
      List<? extends List<?>> tableRows = rows.get(simpleTable.getName().toLowerCase(Locale.ROOT));
      if (tableRows == null) {
        throw new IllegalArgumentException("the query reads table " + simpleTable.getName()
            + " but no rows were given for it: add it to the contents map (List.of() for an empty table)");
      }
      contents.put(simpleTable.getName(), content(simpleTable, tableRows));
    }
    PreparedQuery.Builder builder = PreparedQuery.builder()
        .setSql(executable)
        .setAnalyzerOptions(options)
        .setCatalog(cat.simpleCatalog())
        .setTablesContents(contents);
    PreparedQuery preparedQuery;
    try {
      synchronized (cat) {
        preparedQuery = builder.prepare();
      }
    } catch (SqlException e) {
      throw GoogleSqlException.fromEngine(e.getMessage(), executable, e);
    }
    try (PreparedQuery prepared = preparedQuery) {
      for (String name : prepared.getReferencedParameters()) {
        if (!parameterValues.containsKey(name)) {
          throw new IllegalArgumentException("the query uses parameter @" + name + " but no value was given for it: "
              + "pass it in the parameter values map");
        }
      }
      TableContent result = prepared.execute(parameterValues);
      List<Column> columns = analysis.outputColumns();
      List<List<Object>> out = new ArrayList<>();
      for (List<Value> row : result.getTableData()) {
        List<Object> converted = new ArrayList<>(row.size());
        for (Value value : row) {
          converted.add(Values.toJava(value));
        }
        out.add(converted);
      }
      return new QueryRows(columns, out);
    } catch (SqlException e) {
      throw GoogleSqlException.fromEngine(e.getMessage(), executable, e);
    }
  }

  private static TableContent content(SimpleTable table, List<? extends List<?>> rows) {
    List<SimpleColumn> columns = table.getColumnList();
    List<List<Value>> values = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      List<?> row = rows.get(r);
      if (row == null || row.size() != columns.size()) {
        throw new IllegalArgumentException("table " + table.getName() + " row " + r + " has "
            + (row == null ? "no" : String.valueOf(row.size())) + " values but the table has " + columns.size()
            + " columns " + columns.stream().map(SimpleColumn::getName).toList());
      }
      List<Value> converted = new ArrayList<>(row.size());
      for (int c = 0; c < columns.size(); c++) {
        SimpleColumn column = columns.get(c);
        converted.add(Values.toValue(row.get(c), column.getType(),
            "table " + table.getName() + " row " + r + " column " + column.getName()));
      }
      values.add(converted);
    }
    return TableContent.create(values);
  }

  /** Parameter values as GoogleSQL values keyed by lower-case name; undeclared names fail naming the declared ones. */
  private Map<String, Value> parameterValues(Map<String, ?> values) {
    Map<String, Value> converted = new HashMap<>();
    values.forEach((name, value) -> {
      String key = name.startsWith("@") ? name.substring(1) : name;
      String type = parameters.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(key))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("a value was given for parameter @" + key + ", which is not "
              + "declared: declare it with GoogleSql.builder().parameter(\"" + key + "\", \"TYPE\"); declared: "
              + parameters.keySet()));
      converted.put(key.toLowerCase(Locale.ROOT), Values.toValue(value, BigQueryTypes.parse(type), "parameter @" + key));
    });
    return converted;
  }

  /** The caller's rows keyed by lower-case registered table name; unknown tables fail here, naming the known ones. */
  private static Map<String, List<? extends List<?>>> tableRows(
      TableCatalog cat, Map<String, ? extends List<? extends List<?>>> contents) {
    Map<String, List<? extends List<?>>> rows = new HashMap<>();
    contents.forEach((name, tableRows) -> {
      SimpleTable table = cat.find(name).orElseThrow(() -> new IllegalArgumentException("rows were given for table "
          + name + ", which is not in the catalog: add it with GoogleSql.builder().table(...); known tables: "
          + cat.tableNames()));
      rows.put(table.getName().toLowerCase(Locale.ROOT), tableRows);
    });
    return rows;
  }

  /** The query of a CREATE TABLE/VIEW ... AS statement, located with GoogleSQL's parser. */
  private static String queryOf(String createStatement) {
    ASTStatement ast = parse(createStatement);
    ASTQuery query = null;
    if (ast instanceof ASTCreateTableStatement table) {
      query = table.getQuery();
    } else if (ast instanceof ASTCreateViewStatementBase view) {
      query = view.getQuery();
    }
    if (query == null) {
      throw new IllegalArgumentException("no AS query in: " + createStatement);
    }
    return slice(createStatement, query.getParseLocationRange());
  }

  /**
   * Rewrites table paths such as {@code stg.samples} to {@code `stg.samples`}: the reference engine loads rows only
   * into root-level tables, and the quoted single identifier names the root-level twin of the nested table.
   */
  static String quoteDottedTablePaths(String sql, TableCatalog cat) {
    ASTStatement ast = parse(sql);
    record Edit(int start, int end, String replacement) {
    }
    List<Edit> edits = new ArrayList<>();
    ast.accept(new ParseTreeVisitor() {
      @Override
      public void visit(ASTTablePathExpression node) {
        ASTPathExpression path = node.getPathExpr();
        if (path != null && path.getNames().size() > 1) {
          String joined = path.getNames().stream().map(ASTIdentifier::getIdString).collect(Collectors.joining("."));
          cat.find(joined).ifPresent(table -> {
            ParseLocationRange range = path.getParseLocationRange();
            edits.add(new Edit(range.start(), range.end(), "`" + table.getName() + "`"));
          });
        }
        super.visit(node);
      }
    });
    if (edits.isEmpty()) {
      return sql;
    }
    edits.sort(Comparator.comparingInt(Edit::start).reversed());
    byte[] bytes = sql.getBytes(UTF_8);
    StringBuilder out = new StringBuilder();
    int tail = bytes.length;
    List<String> pieces = new ArrayList<>();
    for (Edit edit : edits) {
      pieces.add(new String(bytes, edit.end(), tail - edit.end(), UTF_8));
      pieces.add(edit.replacement());
      tail = edit.start();
    }
    pieces.add(new String(bytes, 0, tail, UTF_8));
    for (int i = pieces.size() - 1; i >= 0; i--) {
      out.append(pieces.get(i));
    }
    return out.toString();
  }

  private static ASTStatement parse(String sql) {
    try {
      return Parser.parseStatement(sql, BigQueryDialect.languageOptions());
    } catch (SqlException e) {
      throw GoogleSqlException.fromEngine(e.getMessage(), sql, e);
    }
  }

  private static String slice(String sql, ParseLocationRange range) {
    byte[] bytes = sql.getBytes(UTF_8);
    return new String(bytes, range.start(), range.end() - range.start(), UTF_8);
  }

  /** The text of the statement starting at {@code start}, without surrounding comments and its {@code ;}. */
  private static String statementText(String script, byte[] bytes, int start) {
    ParseResumeLocation location = new ParseResumeLocation(script);
    location.setBytePosition(start);
    ParseLocationRange range = Parser.parseNextStatement(location, BigQueryDialect.languageOptions())
        .getParseLocationRange();
    return new String(bytes, range.start(), range.end() - range.start(), UTF_8);
  }

  /** Whether only whitespace, {@code --}/{@code #}/{@code /* *}{@code /} comments or stray {@code ;} remain. */
  static boolean onlyBlankOrComments(byte[] sql, int from) {
    int i = from;
    while (i < sql.length) {
      char c = (char) sql[i];
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (c == '#' || (c == '-' && i + 1 < sql.length && sql[i + 1] == '-')) {
        while (i < sql.length && sql[i] != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < sql.length && sql[i + 1] == '*') {
        i += 2;
        while (i + 1 < sql.length && !(sql[i] == '*' && sql[i + 1] == '/')) {
          i++;
        }
        i += 2;
      } else {
        return false;
      }
    }
    return true;
  }

  private static void requireSql(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("SQL is empty: pass a statement such as \"SELECT 1\"");
    }
  }

  /** Collects tables; {@link #build()} makes an immutable {@link GoogleSql}. */
  public static final class Builder {
    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Declares a named query parameter, written {@code @name} in SQL, with its BigQuery type (as a BigQuery job
     * declares it in its query parameters).
     */
    public Builder parameter(String name, String type) {
      String key = name.startsWith("@") ? name.substring(1) : name;
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("parameter name \"" + name + "\" is not an identifier: use letters, digits "
            + "and underscores, e.g. \"since\"");
      }
      String canonical;
      try {
        canonical = BigQueryTypes.canonical(type);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("parameter @" + key + ": " + e.getMessage(), e);
      }
      parameters.keySet().removeIf(existing -> existing.equalsIgnoreCase(key));
      parameters.put(key, canonical);
      return this;
    }

    /** Adds a table from a {@code "name TYPE, name TYPE"} column list; the name may be dotted. */
    public Builder table(String name, String columnList) {
      try {
        return table(name, BigQueryTypes.columns(columnList));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("table " + name + ": " + e.getMessage(), e);
      }
    }

    /** Adds a table; types are canonicalised ({@code INTEGER} → {@code INT64}). */
    public Builder table(String name, List<Column> columns) {
      String fullName = String.join(".", TableCatalog.path(name));
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("table " + fullName + " has no columns: BigQuery tables need at least one");
      }
      List<Column> canonical = new ArrayList<>(columns.size());
      for (Column column : columns) {
        canonical.add(Column.of(column.name(), column.type()));
      }
      tables.keySet().removeIf(existing -> existing.equalsIgnoreCase(fullName));
      tables.put(fullName, List.copyOf(canonical));
      return this;
    }

    /** Adds a table from columns. */
    public Builder table(String name, Column... columns) {
      return table(name, List.of(columns));
    }

    public GoogleSql build() {
      return new GoogleSql(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables)),
          java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters)));
    }
  }
}
