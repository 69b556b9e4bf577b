package dev.paceline.platform.testing.googlesql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement that BigQuery's SQL frontend (GoogleSQL) rejects, or that the reference engine could not run.
 *
 * <p>{@link #analyzerMessage()} is the analyzer's own text ({@code "Function not found: datediff; Did you mean
 * date_diff?"}); {@link #line()} and {@link #column()} are 1-based positions in the SQL that was given (the whole
 * script for {@link GoogleSql#analyzeScript}), or 0 when the engine reported no position.
 * {@link #getMessage()} adds the offending line and a caret under the column.
 */
public final class GoogleSqlException extends RuntimeException {

  private static final Pattern POSITION = Pattern.compile("\\s*\\[at (\\d+):(\\d+)]\\s*$");

  private final String analyzerMessage;
  private final int line;
  private final int column;
  private final String sql;

  GoogleSqlException(String analyzerMessage, int line, int column, String sql, Throwable cause) {
    super(render(analyzerMessage, line, column, sql), cause);
    this.analyzerMessage = analyzerMessage;
    this.line = line;
    this.column = column;
    this.sql = sql;
  }

  /** Builds the exception from an engine message in one-line mode ({@code "... [at 3:7]"}). */
  static GoogleSqlException fromEngine(String engineMessage, String sql, Throwable cause) {
    String message = engineMessage == null ? "unknown GoogleSQL error" : engineMessage;
    Matcher m = POSITION.matcher(message);
    if (m.find()) {
      return new GoogleSqlException(message.substring(0, m.start()), Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), sql, cause);
    }
    return new GoogleSqlException(message, 0, 0, sql, cause);
  }

  /** The analyzer's or engine's message without the position suffix. */
  public String analyzerMessage() {
    return analyzerMessage;
  }

  /** 1-based line of the error in {@link #sql()}, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the error in {@link #sql()}, 0 when unknown. */
  public int column() {
    return column;
  }

  /** Whether the engine reported a position. */
  public boolean hasPosition() {
    return line > 0;
  }

  /** The SQL the position refers to. */
  public String sql() {
    return sql;
  }

  private static String render(String message, int line, int column, String sql) {
    if (line <= 0 || sql == null) {
      return "GoogleSQL (BigQuery dialect): " + message;
    }
    String[] lines = sql.split("\r\n|\r|\n", -1);
    StringBuilder out = new StringBuilder("GoogleSQL (BigQuery dialect): ")
        .append(message).append(" at line ").append(line).append(", column ").append(column);
    if (line <= lines.length) {
      String source = lines[line - 1];
      out.append('\n').append("  ").append(source).append('\n').append("  ")
          .append(" ".repeat(Math.max(0, Math.min(column - 1, source.length())))).append('^');
    }
    return out.toString();
  }
}
