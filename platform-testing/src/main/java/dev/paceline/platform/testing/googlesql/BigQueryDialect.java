package dev.paceline.platform.testing.googlesql;

import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.ErrorMessageMode;
import com.google.zetasql.ZetaSQLOptions.LanguageFeature;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.Type;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The GoogleSQL settings that make the analyzer and the reference engine behave as BigQuery does. Shared by every
 * {@link GoogleSql} in the JVM; the objects are never mutated after construction.
 */
final class BigQueryDialect {

  /**
   * Features of the GoogleSQL reference implementation that BigQuery does not have: they are switched off so that a
   * model using them fails here, as it would in BigQuery.
   */
  static final Set<LanguageFeature> NOT_IN_BIGQUERY = EnumSet.of(
      LanguageFeature.FEATURE_V_1_4_MAP_TYPE,
      LanguageFeature.FEATURE_V_1_4_UUID_TYPE,
      LanguageFeature.FEATURE_TIMESTAMP_NANOS,
      LanguageFeature.FEATURE_TIMESTAMP_PICO_TYPE,
      LanguageFeature.FEATURE_V_1_3_INLINE_LAMBDA_ARGUMENT,
      LanguageFeature.FEATURE_V_1_4_SAFE_FUNCTION_CALL_WITH_LAMBDA_ARGS,
      LanguageFeature.FEATURE_V_1_4_STRUCT_BRACED_CONSTRUCTORS,
      LanguageFeature.FEATURE_V_1_4_MULTILEVEL_AGGREGATION,
      LanguageFeature.FEATURE_V_1_4_ENABLE_MEASURES,
      LanguageFeature.FEATURE_V_1_4_SQL_MACROS,
      LanguageFeature.FEATURE_V_1_4_FOR_UPDATE,
      LanguageFeature.FEATURE_V_1_4_INSERT_ON_CONFLICT_CLAUSE,
      LanguageFeature.FEATURE_V_1_4_SQL_GRAPH,
      LanguageFeature.FEATURE_EXPERIMENTAL_MODULES);

  /** BigQuery rules that GoogleSQL only enforces when asked. */
  static final Set<LanguageFeature> BIGQUERY_RESTRICTIONS = EnumSet.of(
      // "Grouping by expressions of type FLOAT64 is not allowed" in BigQuery.
      LanguageFeature.FEATURE_DISALLOW_GROUP_BY_FLOAT,
      // BigQuery has no FLOAT32 type.
      LanguageFeature.FEATURE_V_1_4_DISABLE_FLOAT32);

  /** BigQuery features that GoogleSQL 2024.11 does not count among its "maximum" (released) features. */
  static final Set<LanguageFeature> BIGQUERY_EXTRAS = EnumSet.of(
      // INTERVAL values and date/time arithmetic with them (DATE - INTERVAL 1 DAY).
      LanguageFeature.FEATURE_INTERVAL_TYPE,
      // COLLATE('und:ci') and collation-aware comparison.
      LanguageFeature.FEATURE_V_1_3_COLLATION_SUPPORT,
      // COT, CSC, SEC and their hyperbolic forms.
      LanguageFeature.FEATURE_INVERSE_TRIG_FUNCTIONS,
      // SEARCH() over search indexes.
      LanguageFeature.FEATURE_TOKENIZED_SEARCH,
      // DDL BigQuery accepts: CREATE TABLE ... CLONE, ALTER COLUMN SET DATA TYPE, external tables with partitions.
      LanguageFeature.FEATURE_CREATE_TABLE_CLONE,
      LanguageFeature.FEATURE_ALTER_COLUMN_SET_DATA_TYPE,
      LanguageFeature.FEATURE_CREATE_EXTERNAL_TABLE_WITH_PARTITION_COLUMNS);

  private static final LanguageOptions LANGUAGE = buildLanguageOptions();
  private static final AnalyzerOptions ANALYZER = buildAnalyzerOptions(LANGUAGE);

  private BigQueryDialect() {
  }

  static LanguageOptions languageOptions() {
    return LANGUAGE;
  }

  static AnalyzerOptions analyzerOptions() {
    return ANALYZER;
  }

  /** Analyzer options with named query parameters declared; the shared options when there are none. */
  static AnalyzerOptions analyzerOptions(Map<String, Type> parameters) {
    if (parameters.isEmpty()) {
      return ANALYZER;
    }
    AnalyzerOptions options = buildAnalyzerOptions(LANGUAGE);
    parameters.forEach(options::addQueryParameter);
    return options;
  }

  static ZetaSQLBuiltinFunctionOptions builtinFunctions() {
    return new ZetaSQLBuiltinFunctionOptions(LANGUAGE);
  }

  private static LanguageOptions buildLanguageOptions() {
    LanguageOptions options = new LanguageOptions().enableMaximumLanguageFeatures();
    Set<LanguageFeature> features = EnumSet.noneOf(LanguageFeature.class);
    for (LanguageFeature feature : LanguageFeature.values()) {
      if (!feature.name().startsWith("__")
          && options.languageFeatureEnabled(feature)
          && !NOT_IN_BIGQUERY.contains(feature)) {
        features.add(feature);
      }
    }
    features.addAll(BIGQUERY_EXTRAS);
    features.addAll(BIGQUERY_RESTRICTIONS);
    options.setEnabledLanguageFeatures(features);
    options.setSupportsAllStatementKinds();
    // External mode: INT64/FLOAT64 names, no INT32/UINT/FLOAT types, no protos: the BigQuery type system.
    options.setProductMode(ProductMode.PRODUCT_EXTERNAL);
    // QUALIFY stays non-reserved, as in BigQuery: the analyzer then requires WHERE, GROUP BY or HAVING next to it
    // ("QUALIFY clause must be used in conjunction with WHERE or GROUP BY or HAVING clause"), exactly BigQuery's error.
    return options;
  }

  private static AnalyzerOptions buildAnalyzerOptions(LanguageOptions language) {
    AnalyzerOptions options = new AnalyzerOptions();
    options.setLanguageOptions(language);
    // One-line messages end in "[at line:column]", which GoogleSqlException parses.
    options.setErrorMessageMode(ErrorMessageMode.ERROR_MESSAGE_ONE_LINE);
    // BigQuery's default time zone is UTC; GoogleSQL's is America/Los_Angeles.
    options.setDefaultTimezone("UTC");
    return options;
  }
}
