package dev.paceline.transform.engine;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.RowAppender;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.Materialization;
import dev.paceline.transform.Model;
import dev.paceline.transform.ModelException;
import dev.paceline.transform.ModelResult;
import dev.paceline.transform.RunCheckpoint;
import dev.paceline.transform.macro.SqlDialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Materializes models in the warehouse: seeds (CSV to a table), views, tables (atomic replace) and incremental
 * models (MERGE of the changed activities' rows, deletes of rows that vanished); Java models via the same MERGE.
 */
public final class ModelBuilder {

    private static final Logger LOG = Logger.getLogger(ModelBuilder.class);
    /** The live activities of the warehouse: what Java models compute and batched builds split. */
    private static final String ACTIVITIES = "stg_strava__activities";
    /** The (athlete_id, activity_id) of one batch of a batched build; its in_changed() scope. */
    static final String BATCH_TABLE = "_paceline_build_batch";
    /** Every live activity with its batch number, for the duration of a batched build. */
    static final String BATCH_PLAN_TABLE = "_paceline_build_batches";

    private final Warehouse warehouse;
    private final Lake lake;
    private final SqlDialect dialect;
    private final ModelRenderer renderer;
    private final ModelRenderer batchRenderer;
    /** Java models by the name of each table they write. */
    private final Map<String, JavaModel> javaModels;
    /** The Java models built by this builder (one run) and their mode: a pass writes all their tables. */
    private final Map<JavaModel, String> javaBuilt = new IdentityHashMap<>();
    private final RunCheckpoint checkpoint;

    public ModelBuilder(Warehouse warehouse, Lake lake, SqlDialect dialect, List<JavaModel> javaModels) {
        this(warehouse, lake, dialect, javaModels, RunCheckpoint.NONE);
    }

    /** @param checkpoint told between two batches of a batched rebuild ({@code batch}) */
    public ModelBuilder(Warehouse warehouse, Lake lake, SqlDialect dialect, List<JavaModel> javaModels,
            RunCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
        this.warehouse = warehouse;
        this.lake = lake;
        this.dialect = dialect;
        this.renderer = new ModelRenderer(dialect, warehouse::qualify, ModelRenderer.CHANGED_TABLE);
        this.batchRenderer = new ModelRenderer(dialect, warehouse::qualify, BATCH_TABLE);
        this.javaModels = new LinkedHashMap<>();
        javaModels.forEach(j -> j.tables().forEach(t -> this.javaModels.put(t.name(), j)));
    }

    public ModelRenderer renderer() {
        return renderer;
    }

    /**
     * Builds one model.
     *
     * @param fullRefresh rebuild incremental models from scratch
     * @param hasChanges whether the changed-activities table has rows (incremental models skip otherwise)
     */
    public ModelResult build(Model model, boolean fullRefresh, boolean hasChanges) {
        long start = System.nanoTime();
        String mode;
        try {
            mode = switch (model.materialization()) {
                case SEED -> seed(model);
                case VIEW -> {
                    warehouse.execute(dialect.createView(warehouse.qualify(model.name()), renderer.render(model, false)));
                    yield "full";
                }
                case TABLE -> {
                    warehouse.execute(dialect.createTableAs(warehouse.qualify(model.name()), renderer.render(model, false)));
                    yield "full";
                }
                case INCREMENTAL -> model.isJava() ? java(model, fullRefresh, hasChanges)
                        : incremental(model, fullRefresh, hasChanges);
            };
        } catch (RuntimeException e) {
            LOG.errorf("model %s failed: %s", model.name(), e.getMessage());
            return new ModelResult(model.name(), model.materialization().label(), "failed", -1, millis(start),
                    e.getMessage());
        }
        long rows = model.materialization() == Materialization.VIEW ? -1 : count(model.name());
        return new ModelResult(model.name(), model.materialization().label(), mode, rows, millis(start), null);
    }

    private String incremental(Model model, boolean fullRefresh, boolean hasChanges) {
        String target = warehouse.qualify(model.name());
        if (fullRefresh || warehouse.describe(model.name()).isEmpty()) {
            return rebuild(model);
        }
        if (!hasChanges) {
            return "skipped";
        }
        if (batched(model) && changedWeight() > model.batchSeconds()) {
            return rebuild(model);
        }
        String incrName = model.name() + "__incr";
        String incr = warehouse.qualify(incrName);
        warehouse.execute(dialect.createTableAs(incr, renderer.render(model, true)));
        try {
            TableSchema incrSchema = warehouse.describe(incrName).orElseThrow();
            TableSchema targetSchema = warehouse.describe(model.name()).orElseThrow();
            if (!names(incrSchema).equals(names(targetSchema))) {
                LOG.infof("model %s changed its columns %s -> %s: rebuilding it in full", model.name(), names(targetSchema),
                        names(incrSchema));
                return rebuild(model);
            }
            mergeIncrement(model.uniqueKey(), target, incr, names(incrSchema));
            return "incremental";
        } finally {
            warehouse.execute("DROP TABLE IF EXISTS " + incr);
        }
    }

    private boolean batched(Model model) {
        return model.batchSeconds() > 0 && dialect.batchesLargeBuilds();
    }

    /**
     * An activity's weight in a batch: its elapsed seconds (about its number of stream samples), plus one so that
     * activities without a duration still count.
     */
    private static String weight(String alias) {
        return "(COALESCE(" + alias + ".elapsed_time_s, 0) + 1)";
    }

    /** The weight of the live activities the current build's changes cover (a whole-athlete change counts them all). */
    private long changedWeight() {
        return scalar("SELECT COALESCE(SUM(" + weight("a") + "), 0) AS n FROM " + warehouse.qualify(ACTIVITIES) + " AS a WHERE "
                + dialect.inChanged(warehouse.qualify(ModelRenderer.CHANGED_TABLE), "a.athlete_id", "a.activity_id"));
    }

    /**
     * Rebuilds an incremental model from scratch: in one statement, or, for a batched model, batch by batch of live
     * activities (in key order, each batch up to {@code batch_seconds} of elapsed time, or one longer activity) into
     * {@code <model>__full}, which replaces the model only once every batch succeeded (a failed batch leaves the
     * model as it was).
     */
    private String rebuild(Model model) {
        String target = warehouse.qualify(model.name());
        if (!batched(model)) {
            warehouse.execute(dialect.createTableAs(target, renderer.render(model, false)));
            return "full";
        }
        String full = warehouse.qualify(model.name() + "__full");
        String batch = warehouse.qualify(BATCH_TABLE);
        String plan = warehouse.qualify(BATCH_PLAN_TABLE);
        String select = batchRenderer.render(model, true);
        long budget = model.batchSeconds();
        try {
            // Batch k holds the activities whose running total of weight, before them, lies in [k × budget, (k+1) × budget).
            warehouse.execute(dialect.createTableAs(plan, "SELECT athlete_id, activity_id, CAST(FLOOR((SUM(" + weight("a")
                    + ") OVER (ORDER BY a.athlete_id, a.activity_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - "
                    + weight("a") + ") / " + budget + ") AS " + dialect.type("INT64") + ") AS batch FROM "
                    + warehouse.qualify(ACTIVITIES) + " AS a"));
            List<Long> batches = warehouse.query("SELECT DISTINCT batch AS n FROM " + plan + " ORDER BY batch").stream()
                    .map(r -> ((Number) r.get("n")).longValue()).toList();
            if (batches.isEmpty()) {
                batches = List.of(-1L); // no activities: one empty batch still creates the table with its columns
            }
            for (int i = 0; i < batches.size(); i++) {
                warehouse.execute(dialect.createTableAs(batch, "SELECT athlete_id, activity_id FROM " + plan + " WHERE batch = "
                        + batches.get(i)));
                warehouse.execute(i == 0 ? dialect.createTableAs(full, select) : "INSERT INTO " + full + "\n" + select);
                if (i < batches.size() - 1) {
                    checkpoint.reached(RunCheckpoint.BATCH);
                }
            }
            warehouse.executeAtomically(List.of("DROP TABLE IF EXISTS " + target, dialect.renameTable(full, model.name())));
            LOG.infof("model %s rebuilt in %d batches of up to %d elapsed seconds of activities", model.name(), batches.size(), budget);
        } finally {
            warehouse.execute("DROP TABLE IF EXISTS " + full);
            warehouse.execute("DROP TABLE IF EXISTS " + batch);
            warehouse.execute("DROP TABLE IF EXISTS " + plan);
        }
        return "full";
    }

    private void mergeIncrement(List<String> uniqueKey, String target, String incr, List<String> columns) {
        String changed = warehouse.qualify(ModelRenderer.CHANGED_TABLE);
        warehouse.executeAtomically(List.of(
                dialect.deleteVanished(target, incr, changed, uniqueKey),
                dialect.merge(target, incr, uniqueKey, columns)));
    }

    /**
     * Builds every table of the model's Java model in one pass, when the first of them is due: rows go through the
     * warehouse's appender into {@code <table>__full} or {@code <table>__incr}, which then replace or merge into the
     * tables (a failure leaves them as they were). The other tables report the mode of that pass.
     */
    private String java(Model model, boolean fullRefresh, boolean hasChanges) {
        JavaModel java = javaModels.get(model.name());
        if (java == null) {
            throw new ModelException("Java model " + model.name() + " is not registered");
        }
        String done = javaBuilt.get(java);
        if (done != null) {
            return done;
        }
        List<JavaModel.Table> tables = java.tables();
        boolean full = fullRefresh || tables.stream().anyMatch(t -> warehouse.describe(t.name()).isEmpty());
        if (!full && !hasChanges) {
            javaBuilt.put(java, "skipped");
            return "skipped";
        }
        String activitiesSql = "SELECT athlete_id, activity_id FROM " + warehouse.qualify(ACTIVITIES) + " AS a"
                + (full ? "" : " WHERE " + dialect.inChanged(warehouse.qualify(ModelRenderer.CHANGED_TABLE), "a.athlete_id", "a.activity_id"))
                + " ORDER BY athlete_id, activity_id";
        List<JavaModel.ActivityRef> activities = new ArrayList<>();
        for (Map<String, Object> row : warehouse.query(activitiesSql)) {
            long athlete = ((Number) row.get("athlete_id")).longValue();
            long activity = ((Number) row.get("activity_id")).longValue();
            activities.add(new JavaModel.ActivityRef(athlete, activity, LakeLayout.streams(athlete, activity),
                    LakeLayout.activity(athlete, activity)));
        }
        String suffix = full ? "__full" : "__incr";
        Map<String, RowAppender> out = new LinkedHashMap<>();
        try {
            for (JavaModel.Table t : tables) {
                warehouse.execute(dialect.createOrReplaceTable(warehouse.qualify(t.name() + suffix), t.schema()));
                out.put(t.name(), warehouse.appender(t.name() + suffix, t.schema()));
            }
            java.compute(lake, activities, out);
            for (RowAppender appender : out.values()) {
                appender.finish();
            }
            for (JavaModel.Table t : tables) {
                String target = warehouse.qualify(t.name());
                String scratch = warehouse.qualify(t.name() + suffix);
                if (full) {
                    warehouse.execute(dialect.createTableAs(target, "SELECT * FROM " + scratch));
                } else {
                    mergeIncrement(t.uniqueKey(), target, scratch, names(t.schema()));
                }
            }
        } finally {
            out.values().forEach(RowAppender::close);
            for (JavaModel.Table t : tables) {
                warehouse.execute("DROP TABLE IF EXISTS " + warehouse.qualify(t.name() + suffix));
            }
        }
        String mode = full ? "full" : "incremental";
        LOG.infof("Java model %s: %d activities in one pass into %s (%s)", java.getClass().getSimpleName(),
                activities.size(), tables.stream().map(JavaModel.Table::name).toList(), mode);
        javaBuilt.put(java, mode);
        return mode;
    }

    private String seed(Model model) {
        TableSchema schema = model.seedSchema();
        List<List<String>> rows = Csv.parse(model.seedCsv());
        List<Object[]> values = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = new Object[schema.columns().size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = seedValue(model, r + 1, schema.columns().get(c), rows.get(r).get(c));
            }
            values.add(row);
        }
        warehouse.execute(dialect.createOrReplaceTable(warehouse.qualify(model.name()), schema));
        if (!values.isEmpty()) {
            try (RowAppender appender = warehouse.appender(model.name(), schema)) {
                values.forEach(appender::append);
                appender.finish();
            }
        }
        return "full";
    }

    private static Object seedValue(Model model, int row, Column column, String text) {
        String v = text.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return switch (column.type()) {
                case INT64 -> Long.parseLong(v);
                case FLOAT64 -> Double.parseDouble(v);
                case NUMERIC -> new BigDecimal(v);
                case BOOL -> switch (v.toLowerCase()) {
                    case "true", "t", "1", "yes" -> true;
                    case "false", "f", "0", "no" -> false;
                    default -> throw new IllegalArgumentException("not a boolean");
                };
                case DATE -> java.time.LocalDate.parse(v);
                default -> text;
            };
        } catch (RuntimeException e) {
            throw new ModelException(model.resource() + ": row " + row + ", column " + column.name() + ": '" + text
                    + "' is not a valid " + column.type());
        }
    }

    private long count(String table) {
        return scalar("SELECT COUNT(*) AS n FROM " + warehouse.qualify(table));
    }

    private long scalar(String sql) {
        return ((Number) warehouse.query(sql).get(0).get("n")).longValue();
    }

    private static List<String> names(TableSchema schema) {
        return schema.columns().stream().map(Column::name).toList();
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
