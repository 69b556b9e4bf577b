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

/** Runs data tests: each renders to a query counting the failing rows. */
public final class DataTestRunner {

    private final Warehouse warehouse;
    private final SqlDialect dialect;

    public DataTestRunner(Warehouse warehouse, SqlDialect dialect) {
        this.warehouse = warehouse;
        this.dialect = dialect;
    }

    public TestResult run(DataTestSpec test) {
        long start = System.nanoTime();
        String severity = test.severity().name().toLowerCase(Locale.ROOT);
        try {
            List<Map<String, Object>> rows = warehouse.query(sql(test, dialect, warehouse::qualify));
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
        String model = qualify.apply(test.model());
        List<String> cols = test.columns();
        return switch (test.kind()) {
            case "unique" -> "SELECT COUNT(*) AS failures FROM (SELECT COUNT(*) AS n FROM " + model
                    + " GROUP BY " + dialect.groupingKey(cols) + " HAVING COUNT(*) > 1) AS duplicates";
            case "not_null" -> "SELECT COUNT(*) AS failures FROM " + model + " WHERE "
                    + cols.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR "));
            case "accepted_values" -> "SELECT COUNT(*) AS failures FROM " + model + " WHERE " + cols.get(0)
                    + " IS NOT NULL AND CAST(" + cols.get(0) + " AS " + dialect.type("STRING") + ") NOT IN ("
                    + test.values().stream().map(dialect::stringLiteral).collect(Collectors.joining(", ")) + ")";
            case "relationships" -> {
                StringBuilder match = new StringBuilder();
                for (int i = 0; i < cols.size(); i++) {
                    match.append(i == 0 ? "" : " AND ").append("P.").append(test.toColumns().get(i)).append(" = C.").append(cols.get(i));
                }
                yield "SELECT COUNT(*) AS failures FROM " + model + " AS C WHERE "
                        + cols.stream().map(c -> "C." + c + " IS NOT NULL").collect(Collectors.joining(" AND "))
                        + " AND NOT EXISTS (SELECT 1 FROM " + qualify.apply(test.toModel()) + " AS P WHERE " + match + ")";
            }
            case "expression" -> "SELECT COUNT(*) AS failures FROM " + model + " WHERE NOT (" + test.expression() + ")";
            default -> throw new IllegalArgumentException("unknown test kind " + test.kind());
        };
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
