package dev.paceline.transform.proof;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.testing.googlesql.Analysis;
import dev.paceline.platform.testing.googlesql.DuckDbRows;
import dev.paceline.platform.testing.googlesql.GoogleSql;
import dev.paceline.platform.testing.googlesql.GoogleSqlException;
import dev.paceline.platform.testing.googlesql.RowsComparison;
import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.Materialization;
import dev.paceline.transform.Model;
import dev.paceline.transform.engine.DataTestRunner;
import dev.paceline.transform.engine.DeletionPurge;
import dev.paceline.transform.load.RawLoader;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.engine.ModelRenderer;
import dev.paceline.transform.engine.Sources;
import dev.paceline.transform.macro.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The BigQuery proof of a model graph: for every model in DAG order, render its BigQuery SQL and analyse it with
 * GoogleSQL against the schemas of its inputs (sources' explicit schemas, seeds' declared types, upstream models'
 * analysed output columns); analyse the incremental rendering, the MERGE and DELETE of incremental models and every
 * data-test query; then execute the model with GoogleSQL's reference engine on the rows DuckDB holds for its inputs
 * and compare with the rows DuckDB built.
 */
public final class GoogleSqlProof {

    /** What the proof found: one line per failure (empty: proven), and how much it checked. */
    public record Result(List<String> failures, int modelsAnalysed, int statementsAnalysed, int modelsCompared, long rowsCompared) {
    }

    private static final UnaryOperator<String> PLAIN = name -> name;

    private GoogleSqlProof() {
    }

    /**
     * @param graph models to prove
     * @param bigQuery the BigQuery dialect (tests swap in a broken macro)
     * @param duck a DuckDB warehouse on which {@code graph} was built in full from the fixture
     */
    public static Result prove(ModelGraph graph, SqlDialect bigQuery, Warehouse duck) {
        List<String> failures = new ArrayList<>();
        GoogleSql.Builder catalog = GoogleSql.builder();
        Map<String, List<List<Object>>> contents = new LinkedHashMap<>();
        for (String source : Sources.all()) {
            String table = Sources.tableName("strava", source.substring("strava.".length()));
            catalog.table(table, columns(Sources.RAW));
            contents.put(table, duckRows(duck, table, names(Sources.RAW)));
        }
        catalog.table(ModelRenderer.CHANGED_TABLE, "athlete_id INT64, activity_id INT64");
        contents.put(ModelRenderer.CHANGED_TABLE, List.of());
        GoogleSql bq = catalog.build();
        ModelRenderer renderer = new ModelRenderer(bigQuery, PLAIN, ModelRenderer.CHANGED_TABLE);
        int analysed = 0;
        int statements = 0;
        int compared = 0;
        long rows = 0;
        for (String name : graph.order()) {
            Model model = graph.model(name);
            if (model.isSeed()) {
                bq = bq.withTable(name, columns(model.seedSchema()));
                contents.put(name, duckRows(duck, name, names(model.seedSchema())));
                continue;
            }
            if (model.isJava()) {
                bq = bq.withTable(name, columns(model.seedSchema()));
                contents.put(name, duckRows(duck, name, names(model.seedSchema())));
                continue;
            }
            String select;
            Analysis analysis;
            try {
                select = renderer.render(model, false);
                String create = model.materialization() == Materialization.VIEW
                        ? bigQuery.createView(name, select) : bigQuery.createTableAs(name, select);
                analysis = bq.analyze(create);
                analysed++;
                statements++;
            } catch (GoogleSqlException e) {
                failures.add(model.resource() + ": BigQuery rejects the model: " + e.getMessage());
                break;
            } catch (RuntimeException e) {
                failures.add(model.resource() + ": cannot render for BigQuery: " + e.getMessage());
                break;
            }
            bq = bq.withTable(name, analysis.outputColumns());
            if (model.materialization() == Materialization.INCREMENTAL) {
                List<String> columns = analysis.columnNames();
                try {
                    GoogleSql withIncr = bq.withTable(name + "__incr", analysis.outputColumns());
                    withIncr.analyze(bigQuery.createTableAs(name + "__incr", renderer.render(model, true)));
                    withIncr.analyze(bigQuery.deleteVanished(name, name + "__incr", ModelRenderer.CHANGED_TABLE, model.uniqueKey()));
                    withIncr.analyze(bigQuery.merge(name, name + "__incr", model.uniqueKey(), columns));
                    statements += 3;
                } catch (GoogleSqlException e) {
                    failures.add(model.resource() + ": BigQuery rejects the incremental build: " + e.getMessage());
                }
            }
            for (DataTestSpec test : model.tests()) {
                try {
                    bq.analyze(DataTestRunner.sql(test, bigQuery, PLAIN));
                    statements++;
                    if (DataTestRunner.attributable(test, analysis.columnNames())) {
                        // Which athletes' rows fail: how a failing build holds back only them.
                        bq.analyze(DataTestRunner.failingAthletesSql(test, bigQuery, PLAIN, null));
                        statements++;
                    }
                    if (model.materialization() == Materialization.INCREMENTAL && DataTestRunner.scopable(test)) {
                        // The same test scoped to the changed activities, as after an incremental build.
                        bq.analyze(DataTestRunner.sql(test, bigQuery, PLAIN, ModelRenderer.CHANGED_TABLE));
                        statements++;
                    }
                } catch (GoogleSqlException e) {
                    failures.add(model.resource() + ": BigQuery rejects data test " + test.name() + ": " + e.getMessage());
                }
            }
            List<List<Object>> reference;
            try {
                reference = referenceRows(bq, select, contents, duck, name, analysis.columnNames());
            } catch (RuntimeException e) {
                failures.add(model.resource() + ": the reference engine cannot run the BigQuery rendering: " + e.getMessage());
                break;
            }
            List<List<Object>> duckRows = duckRows(duck, name, analysis.columnNames());
            // JSON values as the harness compares them (canonical text: the engines order object keys differently).
            for (int c = 0; c < analysis.outputColumns().size(); c++) {
                if (analysis.outputColumns().get(c).type().equals("JSON")) {
                    int column = c;
                    duckRows.forEach(row -> row.set(column, canonicalJson(row.get(column))));
                }
            }
            RowsComparison comparison = RowsComparison.of(reference, duckRows).ignoringOrder().withTolerance(1e-9);
            if (!comparison.same()) {
                failures.add(model.resource() + ": BigQuery (reference engine) and DuckDB rows differ:\n  "
                        + String.join("\n  ", comparison.differences()));
            }
            compared++;
            rows += duckRows.size();
            contents.put(name, new ArrayList<>(reference));
        }
        return new Result(List.copyOf(failures), analysed, statements, compared, rows);
    }

    /**
     * What proving the purge gave: failures, statements analysed, and the reference engine's rows of the forgotten set
     * (athlete_id, activity_id, since) over every marker, for comparison with what DuckDB forgot.
     */
    public record PurgeResult(List<String> failures, int statementsAnalysed, List<List<Object>> forgotten) {
    }

    /**
     * The BigQuery proof of the deletion purge: the statement collecting who is forgotten (scoped to a build's changes
     * and unscoped) and the DELETE of every catalog table, analysed against the schemas DuckDB holds; the unscoped
     * collection executed on DuckDB's rows of the staging views.
     */
    public static PurgeResult provePurge(ModelGraph graph, SqlDialect bigQuery, Warehouse duck) {
        List<String> failures = new ArrayList<>();
        List<DeletionPurge.Target> targets = DeletionPurge.targets(graph, duck::describe, List.of(RawLoader.QUARANTINE));
        GoogleSql.Builder catalog = GoogleSql.builder();
        Map<String, List<List<Object>>> contents = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(targets.stream().map(DeletionPurge.Target::table).toList());
        tables.addAll(List.of(DeletionPurge.DEAUTHORIZED, DeletionPurge.DELETED, ModelRenderer.CHANGED_TABLE));
        for (String table : tables) {
            TableSchema schema = duck.describe(table).orElseThrow(() -> new IllegalStateException(table + " was not built"));
            catalog.table(table, columns(schema));
            contents.put(table, duckRows(duck, table, names(schema)));
        }
        catalog.table(DeletionPurge.FORGOTTEN, "athlete_id INT64, activity_id INT64, since TIMESTAMP");
        GoogleSql bq = catalog.build();
        int statements = 0;
        List<List<Object>> forgotten = List.of();
        try {
            bq.analyze(DeletionPurge.forgottenSql(bigQuery, PLAIN, ModelRenderer.CHANGED_TABLE));
            statements++;
            String all = DeletionPurge.forgottenSql(bigQuery, PLAIN, null);
            bq.analyze(all);
            statements++;
            forgotten = bq.execute(all, contents).rows();
        } catch (GoogleSqlException e) {
            failures.add("BigQuery rejects the forgotten-set statement: " + e.getMessage());
        }
        for (DeletionPurge.Target target : targets) {
            try {
                bq.analyze(DeletionPurge.deleteSql(target, bigQuery, PLAIN));
                statements++;
            } catch (GoogleSqlException e) {
                failures.add("BigQuery rejects the purge of " + target.table() + ": " + e.getMessage());
            }
        }
        return new PurgeResult(List.copyOf(failures), statements, forgotten);
    }

    /** Rows a slice of the reference engine's answer may hold: its answers travel in messages of at most 4 MiB. */
    private static final int SLICE_ROWS = 4_000;

    /**
     * The reference engine's rows for {@code select}. A model with many rows (the 90-day view: every day × sport ×
     * 180 columns) is executed once per slice of its {@code date} column, so that each answer fits the engine's
     * message limit; the slices together are every row (null dates included).
     */
    private static List<List<Object>> referenceRows(GoogleSql bq, String select, Map<String, List<List<Object>>> contents,
            Warehouse duck, String name, List<String> columns) {
        long count = ((Number) duck.query("SELECT count(*) AS n FROM " + duck.qualify(name)).get(0).get("n")).longValue();
        if (count <= SLICE_ROWS || !columns.contains("date")) {
            return bq.execute(select, contents).rows();
        }
        List<Object> dates = new ArrayList<>();
        for (Map<String, Object> row : duck.query("SELECT DISTINCT \"date\" AS d FROM " + duck.qualify(name)
                + " WHERE \"date\" IS NOT NULL ORDER BY 1")) {
            dates.add(row.get("d"));
        }
        long perDate = Math.max(1, count / Math.max(1, dates.size()));
        int datesPerSlice = (int) Math.max(1, SLICE_ROWS / perDate);
        List<List<Object>> rows = new ArrayList<>();
        for (int from = 0; from < dates.size(); from += datesPerSlice) {
            Object first = dates.get(from);
            Object last = dates.get(Math.min(dates.size(), from + datesPerSlice) - 1);
            rows.addAll(bq.execute("SELECT * FROM (" + select + ") AS proof_slice WHERE proof_slice.`date` BETWEEN DATE '"
                    + first + "' AND DATE '" + last + "'", contents).rows());
        }
        rows.addAll(bq.execute("SELECT * FROM (" + select + ") AS proof_slice WHERE proof_slice.`date` IS NULL", contents).rows());
        return rows;
    }

    private static List<dev.paceline.platform.testing.googlesql.Column> columns(TableSchema schema) {
        List<dev.paceline.platform.testing.googlesql.Column> cols = new ArrayList<>();
        for (Column c : schema.columns()) {
            String type = c.type().bigQueryType();
            cols.add(dev.paceline.platform.testing.googlesql.Column.of(c.name(), c.repeated() ? "ARRAY<" + type + ">" : type));
        }
        return cols;
    }

    private static List<String> names(TableSchema schema) {
        return schema.columns().stream().map(Column::name).toList();
    }

    private static Object canonicalJson(Object value) {
        try {
            return DuckDbRows.normaliseValue(value, "JSON");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<Object>> duckRows(Warehouse duck, String table, List<String> columns) {
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> row : duck.query("SELECT * FROM " + duck.qualify(table))) {
            Map<String, Object> lower = new LinkedHashMap<>();
            row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            List<Object> values = new ArrayList<>(columns.size());
            for (String c : columns) {
                values.add(lower.get(c.toLowerCase(Locale.ROOT)));
            }
            out.add(values);
        }
        return out;
    }
}
