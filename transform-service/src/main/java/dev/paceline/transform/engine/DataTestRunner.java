package dev.paceline.transform.engine;

import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.TestResult;
import dev.paceline.transform.macro.SqlDialect;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Runs data tests: each renders to a query counting the failing rows. After an incremental build, the tests of an
 * incremental model may be scoped to the changed activities' rows: the rows of other activities passed the same tests
 * in the build that wrote them and were not touched since (a unique test is scoped only when its columns include
 * athlete_id and activity_id, since only then can no duplicate span a changed and an unchanged activity).
 */
public final class DataTestRunner {

    private final Warehouse warehouse;
    private final SqlDialect dialect;

    public DataTestRunner(Warehouse warehouse, SqlDialect dialect) {
        this.warehouse = warehouse;
        this.dialect = dialect;
    }

    /** Runs {@code test} over every row of its model. */
    public TestResult run(DataTestSpec test) {
        return run(test, null);
    }

    /**
     * Runs {@code test}, over the rows of the activities in {@code changedTable} (unqualified) when it is not null and
     * the test allows it ({@link #scopable}), else over every row.
     */
    public TestResult run(DataTestSpec test, String changedTable) {
        long start = System.nanoTime();
        String severity = test.severity().name().toLowerCase(Locale.ROOT);
        String scope = changedTable != null && scopable(test) ? warehouse.qualify(changedTable) : null;
        try {
            List<Map<String, Object>> rows = warehouse.query(sql(test, dialect, warehouse::qualify, scope));
            long failures = ((Number) rows.get(0).get("failures")).longValue();
            String status = failures == 0 ? "pass" : test.severity() == DataTestSpec.Severity.ERROR ? "fail" : "warn";
            return new TestResult(test.name(), severity, status, failures, millis(start), null);
        } catch (RuntimeException e) {
            return new TestResult(test.name(), severity, test.severity() == DataTestSpec.Severity.ERROR ? "error" : "warn",
                    -1, millis(start), e.getMessage());
        }
    }

    /** The query counting {@code test}'s failing rows as column {@code failures}. */
    public static String sql(DataTestSpec test, SqlDialect dialect, UnaryOperator<String> qualify) {
        return sql(test, dialect, qualify, null);
    }

    /** Whether {@code test} can be scoped to changed activities (see the class comment). */
    public static boolean scopable(DataTestSpec test) {
        return !test.kind().equals("unique") || test.columns().containsAll(List.of("athlete_id", "activity_id"));
    }

    /**
     * The query counting {@code test}'s failing rows, over the rows of the activities in {@code changed} (qualified;
     * null: every row).
     */
    public static String sql(DataTestSpec test, SqlDialect dialect, UnaryOperator<String> qualify, String changed) {
        return "SELECT COUNT(*) AS failures FROM (" + failing(test, dialect, qualify, changed, false) + ") AS failing";
    }

    /**
     * Whether a failure of {@code test} can be pinned on athletes: its model carries athlete_id (a unique test also
     * needs athlete_id among its columns, or a duplicate could span athletes).
     */
    public static boolean attributable(DataTestSpec test, List<String> modelColumns) {
        return modelColumns.contains("athlete_id") && (!test.kind().equals("unique") || test.columns().contains("athlete_id"));
    }

    /**
     * The query listing the distinct athlete_id of {@code test}'s failing rows (a null among them: a failing row
     * that belongs to no athlete). Only for {@link #attributable} tests.
     */
    public static String failingAthletesSql(DataTestSpec test, SqlDialect dialect, UnaryOperator<String> qualify, String changed) {
        return "SELECT DISTINCT athlete_id FROM (" + failing(test, dialect, qualify, changed, true) + ") AS failing";
    }

    /**
     * The athletes whose rows fail {@code test}, or empty when the failure cannot be pinned on athletes (the test is
     * not {@link #attributable}, or a failing row has no athlete_id).
     */
    public java.util.Optional<java.util.Set<Long>> failingAthletes(DataTestSpec test, String changedTable) {
        List<String> columns = warehouse.describe(test.model()).map(s -> s.columns().stream().map(c -> c.name()).toList())
                .orElse(List.of());
        if (!attributable(test, columns)) {
            return java.util.Optional.empty();
        }
        String scope = changedTable != null && scopable(test) ? warehouse.qualify(changedTable) : null;
        java.util.Set<Long> athletes = new java.util.TreeSet<>();
        for (Map<String, Object> row : warehouse.query(failingAthletesSql(test, dialect, warehouse::qualify, scope))) {
            Object a = row.get("athlete_id");
            if (a == null) {
                return java.util.Optional.empty();
            }
            athletes.add(((Number) a).longValue());
        }
        return java.util.Optional.of(athletes);
    }

    /** The failing rows of {@code test} (groups, for unique), selecting 1 or their athlete_id. */
    private static String failing(DataTestSpec test, SqlDialect dialect, UnaryOperator<String> qualify, String changed,
            boolean athlete) {
        String model = changed == null ? qualify.apply(test.model())
                : "(SELECT * FROM " + qualify.apply(test.model()) + " AS _scoped WHERE "
                        + dialect.inChanged(changed, "_scoped.athlete_id", "_scoped.activity_id") + ")";
        List<String> cols = test.columns();
        String select = athlete ? "C.athlete_id" : "1 AS failing_row";
        return switch (test.kind()) {
            // athlete_id is one of the grouped columns when attributable: every row of a group shares it.
            case "unique" -> "SELECT " + (athlete ? "MIN(C.athlete_id) AS athlete_id" : "COUNT(*) AS n") + " FROM " + model
                    + " AS C GROUP BY " + dialect.groupingKey(cols.stream().map(c -> "C." + c).toList()) + " HAVING COUNT(*) > 1";
            case "not_null" -> "SELECT " + select + " FROM " + model + " AS C WHERE "
                    + cols.stream().map(c -> "C." + c + " IS NULL").collect(Collectors.joining(" OR "));
            case "accepted_values" -> "SELECT " + select + " FROM " + model + " AS C WHERE C." + cols.get(0)
                    + " IS NOT NULL AND CAST(C." + cols.get(0) + " AS " + dialect.type("STRING") + ") NOT IN ("
                    + test.values().stream().map(dialect::stringLiteral).collect(Collectors.joining(", ")) + ")";
            case "relationships" -> {
                StringBuilder match = new StringBuilder();
                for (int i = 0; i < cols.size(); i++) {
                    match.append(i == 0 ? "" : " AND ").append("P.").append(test.toColumns().get(i)).append(" = C.").append(cols.get(i));
                }
                yield "SELECT " + select + " FROM " + model + " AS C WHERE "
                        + cols.stream().map(c -> "C." + c + " IS NOT NULL").collect(Collectors.joining(" AND "))
                        + " AND NOT EXISTS (SELECT 1 FROM " + qualify.apply(test.toModel()) + " AS P WHERE " + match + ")";
            }
            case "expression" -> "SELECT " + select + " FROM " + model + " AS C WHERE NOT (" + test.expression() + ")";
            default -> throw new IllegalArgumentException("unknown test kind " + test.kind());
        };
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
