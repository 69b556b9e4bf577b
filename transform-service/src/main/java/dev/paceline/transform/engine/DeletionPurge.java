package dev.paceline.transform.engine;

import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.Materialization;
import dev.paceline.transform.Model;
import dev.paceline.transform.macro.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * Deletion reaches every warehouse layer: the rows of deauthorized athletes and of deleted activities are deleted from
 * every table of the catalog that carries {@code athlete_id} (raw tables, built models, Java stats tables, the
 * loader's quarantine), keeping only the deauthorization marker; seeds are left alone (the user's own settings).
 * Who is forgotten is what the staging views {@value #DEAUTHORIZED} and {@value #DELETED} say (one rule, in SQL), so a
 * re-authorized athlete or an activity Strava serves again after its tombstone is not forgotten. Idempotent: a run
 * that dies part way leaves the rest to the next build, whose changes still name the same athletes.
 */
public final class DeletionPurge {

    private static final Logger LOG = Logger.getLogger(DeletionPurge.class);

    /** The staging view listing deauthorized athletes (athlete_id, deauthorized_at). */
    public static final String DEAUTHORIZED = "stg_strava__deauthorized_athletes";
    /** The staging view listing deleted activities (athlete_id, activity_id, deleted_at). */
    public static final String DELETED = "stg_strava__deleted_activities";
    /** This build's forgotten (athlete_id, activity_id; null = the whole athlete, since). */
    public static final String FORGOTTEN = "_paceline_forgotten";

    /** How a catalog table is purged. */
    public enum Shape {
        /** A raw table whose object_id is an activity id: versions fetched up to the tombstone go. */
        RAW_ACTIVITY,
        /** A table with athlete_id and activity_id. */
        ACTIVITY,
        /** A table with athlete_id only: only whole athletes are forgotten. */
        ATHLETE
    }

    /** One table to purge. */
    public record Target(String table, Shape shape) {
    }

    /** What one purge did: who was forgotten, and rows deleted per table (tables with none left out). */
    public record Result(Set<Long> athletes, long activities, Map<String, Long> deletedRows) {

        public static final Result NONE = new Result(Set.of(), 0, Map.of());
    }

    private final Warehouse warehouse;
    private final SqlDialect dialect;

    public DeletionPurge(Warehouse warehouse, SqlDialect dialect) {
        this.warehouse = warehouse;
        this.dialect = dialect;
    }

    /**
     * The tables to purge, from the catalog: every raw source table but the deauthorization marker, every table or
     * incremental model (SQL or Java) whose columns include athlete_id, and {@code extraTables} (bookkeeping that
     * carries athlete_id). Views follow from their tables; seeds are configuration.
     *
     * @param describe a table's columns, or empty when it does not exist
     */
    public static List<Target> targets(ModelGraph graph, Function<String, Optional<TableSchema>> describe, List<String> extraTables) {
        List<Target> targets = new ArrayList<>();
        Sources.TABLE_BY_KIND.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            if (!e.getKey().equals(Sources.DEAUTHORIZATION_KIND)) {
                targets.add(new Target(Sources.tableName("strava", e.getValue()),
                        Sources.ACTIVITY_KINDS.contains(e.getKey()) ? Shape.RAW_ACTIVITY : Shape.ATHLETE));
            }
        });
        List<String> tables = new ArrayList<>();
        for (String name : graph.order()) {
            Model model = graph.model(name);
            if (model.materialization() == Materialization.TABLE || model.materialization() == Materialization.INCREMENTAL) {
                tables.add(name);
            }
        }
        tables.addAll(extraTables);
        for (String table : tables) {
            describe.apply(table).ifPresent(schema -> {
                List<String> columns = schema.columns().stream().map(Column::name).toList();
                if (columns.contains("athlete_id")) {
                    targets.add(new Target(table, columns.contains("activity_id") ? Shape.ACTIVITY : Shape.ATHLETE));
                }
            });
        }
        return targets;
    }

    /**
     * The statement that fills {@value #FORGOTTEN}: the deauthorized athletes and deleted activities named by this
     * build's changes ({@code changed}), or all of them when {@code changed} is null (a full refresh).
     */
    public static String forgottenSql(SqlDialect dialect, UnaryOperator<String> qualify, String changed) {
        String athletes = "SELECT x.athlete_id, CAST(NULL AS " + dialect.type("INT64") + ") AS activity_id, x.deauthorized_at AS since"
                + " FROM " + qualify.apply(DEAUTHORIZED) + " AS x";
        String activities = "SELECT d.athlete_id, d.activity_id, d.deleted_at AS since FROM " + qualify.apply(DELETED) + " AS d";
        if (changed != null) {
            athletes += " WHERE EXISTS (SELECT 1 FROM " + changed + " AS _chg WHERE _chg.athlete_id = x.athlete_id)";
            activities += " WHERE " + dialect.inChanged(changed, "d.athlete_id", "d.activity_id");
        }
        return dialect.createTableAs(qualify.apply(FORGOTTEN), athletes + "\nUNION ALL\n" + activities);
    }

    /** The statement that purges one target of the rows in {@value #FORGOTTEN}. */
    public static String deleteSql(Target target, SqlDialect dialect, UnaryOperator<String> qualify) {
        String forgotten = qualify.apply(FORGOTTEN);
        return switch (target.shape()) {
            case RAW_ACTIVITY -> dialect.deleteForgotten(qualify.apply(target.table()), forgotten, "object_id", "fetched_at");
            case ACTIVITY -> dialect.deleteForgotten(qualify.apply(target.table()), forgotten, "activity_id", null);
            case ATHLETE -> dialect.deleteForgotten(qualify.apply(target.table()), forgotten, null, null);
        };
    }

    /**
     * Forgets what this build's changes say was deauthorized or deleted (everything forgotten when {@code changed} is
     * null). Does nothing before the staging views exist (a selection that never built them).
     *
     * @param changed the qualified changed-activities table of this build, or null for all
     */
    public Result purge(List<Target> targets, String changed) {
        if (warehouse.describe(DEAUTHORIZED).isEmpty() || warehouse.describe(DELETED).isEmpty()) {
            return Result.NONE;
        }
        warehouse.execute(forgottenSql(dialect, warehouse::qualify, changed));
        try {
            Set<Long> athletes = new TreeSet<>();
            long activities = 0;
            for (Map<String, Object> row : warehouse.query("SELECT athlete_id, activity_id FROM " + warehouse.qualify(FORGOTTEN))) {
                if (row.get("activity_id") == null) {
                    athletes.add(((Number) row.get("athlete_id")).longValue());
                } else {
                    activities++;
                }
            }
            if (athletes.isEmpty() && activities == 0) {
                return Result.NONE;
            }
            Map<String, Long> deleted = new LinkedHashMap<>();
            for (Target target : targets) {
                long n = warehouse.execute(deleteSql(target, dialect, warehouse::qualify));
                if (n != 0) {
                    deleted.put(target.table(), n);
                }
            }
            LOG.infof("forgot %d deauthorized athletes %s and %d deleted activities: rows deleted %s", athletes.size(), athletes,
                    activities, deleted);
            return new Result(Set.copyOf(athletes), activities, Map.copyOf(deleted));
        } finally {
            warehouse.execute("DROP TABLE IF EXISTS " + warehouse.qualify(FORGOTTEN));
        }
    }
}
