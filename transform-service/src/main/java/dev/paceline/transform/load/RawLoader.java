package dev.paceline.transform.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.ColumnType;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.platform.warehouse.WriteMode;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.engine.Sources;
import dev.paceline.transform.macro.SqlDialect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Consumes ingest manifests in run-id order, exactly once. A batch of manifests is loaded into a scratch table, then
 * ONE warehouse transaction copies its rows into the raw tables (skipping versions already there), records the
 * changed activities for the next build and marks the manifests consumed. A crash before that commit leaves no trace,
 * so the batch is simply loaded again; after it, the manifests are never loaded twice.
 */
public final class RawLoader {

    private static final Logger LOG = Logger.getLogger(RawLoader.class);
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:+-]{1,128}");

    /** Ingest manifests already consumed (the progress record, committed with the raw rows). */
    public static final String LOADED_MANIFESTS = "_paceline_loaded_manifests";
    /** Changed activities not yet built: (athlete_id, activity_id; null = the whole athlete). */
    public static final String PENDING_CHANGES = "_paceline_pending_changes";
    /**
     * Kinds of the manifests consumed without loading their objects because no model read them (raw streams while
     * {@code stg_strava__streams} is off): loaded later by a loader that needs them ({@link #loadSkipped}).
     */
    public static final String SKIPPED_KINDS = "_paceline_skipped_kinds";
    static final String BATCH = "_paceline_raw_batch";
    /** Most bytes of raw objects one DuckDB load statement reads. */
    public static final long CHUNK_BYTES = 256L << 20;

    static final TableSchema LOADED_SCHEMA = TableSchema.of(
            Column.of("run_id", ColumnType.STRING),
            Column.of("objects", ColumnType.INT64),
            Column.of("finished_at", ColumnType.STRING),
            Column.of("loaded_at", ColumnType.TIMESTAMP));
    static final TableSchema SKIPPED_SCHEMA = TableSchema.of(
            Column.of("run_id", ColumnType.STRING),
            Column.of("kind", ColumnType.STRING));
    static final TableSchema PENDING_SCHEMA = TableSchema.of(
            Column.of("athlete_id", ColumnType.INT64),
            Column.of("activity_id", ColumnType.INT64),
            Column.of("load_batch_id", ColumnType.STRING));

    private final Lake lake;
    private final Warehouse warehouse;
    private final SqlDialect dialect;
    private final ObjectMapper json;
    private final int batchObjects;
    private final long chunkBytes;
    private final Set<String> kinds;

    /** A loader of every kind of raw object. */
    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects) {
        this(lake, warehouse, dialect, json, batchObjects, CHUNK_BYTES, Sources.TABLE_BY_KIND.keySet());
    }

    /** A loader of every kind of raw object, in chunks of at most {@code chunkBytes} (tests use tiny chunks). */
    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects, long chunkBytes) {
        this(lake, warehouse, dialect, json, batchObjects, chunkBytes, Sources.TABLE_BY_KIND.keySet());
    }

    /**
     * @param chunkBytes most bytes of raw objects one DuckDB load statement reads (tests use tiny chunks)
     * @param kinds the envelope kinds whose objects are loaded into raw tables ({@link #kindsReadBy}); the changes of
     *              every kind are recorded whatever this says
     */
    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects, long chunkBytes,
            Set<String> kinds) {
        this.kinds = Set.copyOf(kinds);
        this.chunkBytes = Math.max(1, chunkBytes);
        this.lake = lake;
        this.warehouse = warehouse;
        this.dialect = dialect;
        this.json = json;
        this.batchObjects = Math.max(1, batchObjects);
    }

    /**
     * The kinds whose raw tables some model of {@code graph} reads: streams only when an enabled model reads
     * {@code source('strava', 'streams')} (the Java statistics read streams from the lake); the others always (the
     * run's freshness check and publishing read them).
     */
    public static Set<String> kindsReadBy(ModelGraph graph) {
        Set<String> read = new LinkedHashSet<>();
        Sources.TABLE_BY_KIND.forEach((kind, table) -> {
            if (!kind.equals("streams") || graph.models().values().stream().anyMatch(m -> m.sources().contains("strava." + table))) {
                read.add(kind);
            }
        });
        return read;
    }

    /** What one call to {@link #loadNew()} consumed. */
    public record LoadResult(List<String> manifests, long objects, long missingObjects) {
    }

    /** Creates the raw and bookkeeping tables when missing. */
    public void ensureTables() {
        for (String table : Sources.TABLE_BY_KIND.values()) {
            warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(Sources.tableName("strava", table)), Sources.RAW));
        }
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(LOADED_MANIFESTS), LOADED_SCHEMA));
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(PENDING_CHANGES), PENDING_SCHEMA));
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(SKIPPED_KINDS), SKIPPED_SCHEMA));
    }

    /** Ingest manifests in the lake that are not consumed yet, in run-id order. */
    public List<String> pendingManifests() {
        Set<String> loaded = new HashSet<>();
        for (Map<String, Object> row : warehouse.query("SELECT run_id FROM " + warehouse.qualify(LOADED_MANIFESTS))) {
            loaded.add((String) row.get("run_id"));
        }
        List<String> pending = new ArrayList<>();
        for (ObjectInfo info : lake.listAll(LakeLayout.INGEST_MANIFESTS)) {
            String name = info.path().substring(LakeLayout.INGEST_MANIFESTS.length());
            if (!name.endsWith(".json") || name.contains("/")) {
                continue;
            }
            String runId = name.substring(0, name.length() - ".json".length());
            if (!loaded.contains(runId)) {
                pending.add(runId);
            }
        }
        pending.sort(null);
        return pending;
    }

    /** Loads every pending manifest, in batches of at most the configured number of objects. */
    public LoadResult loadNew() {
        ensureTables();
        long[] skipped = loadSkipped();
        List<String> consumed = new ArrayList<>();
        long objects = skipped[0];
        long missing = skipped[1];
        List<IngestManifest> batch = new ArrayList<>();
        int batchSize = 0;
        for (String runId : pendingManifests()) {
            IngestManifest manifest = read(runId);
            batch.add(manifest);
            batchSize += manifest.objects() == null ? 0 : manifest.objects().size();
            if (batchSize >= batchObjects) {
                long[] r = loadBatch(batch);
                objects += r[0];
                missing += r[1];
                batch.forEach(m -> consumed.add(m.runId()));
                batch.clear();
                batchSize = 0;
            }
        }
        if (!batch.isEmpty()) {
            long[] r = loadBatch(batch);
            objects += r[0];
            missing += r[1];
            batch.forEach(m -> consumed.add(m.runId()));
        }
        return new LoadResult(consumed, objects, missing);
    }

    private IngestManifest read(String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new IllegalStateException("ingest manifest name '" + runId + "' is not a valid run id "
                    + "(letters, digits, . _ : + -); rename or remove " + LakeLayout.ingestManifest(runId));
        }
        byte[] bytes = lake.get(LakeLayout.ingestManifest(runId)).orElseThrow(() -> new IllegalStateException(
                "ingest manifest " + LakeLayout.ingestManifest(runId) + " disappeared while loading"));
        try {
            IngestManifest m = json.readValue(bytes, IngestManifest.class);
            if (!runId.equals(m.runId())) {
                throw new IllegalStateException("ingest manifest " + LakeLayout.ingestManifest(runId) + " says run_id '"
                        + m.runId() + "'; the file name and run_id must agree");
            }
            return m;
        } catch (IOException e) {
            throw new IllegalStateException("ingest manifest " + LakeLayout.ingestManifest(runId) + " is not valid JSON ("
                    + e.getMessage() + "); fix or remove it, then the next run loads it", e);
        }
    }

    /** Returns {objects loaded, objects listed but missing from the lake}. */
    private long[] loadBatch(List<IngestManifest> manifests) {
        String batchId = manifests.get(manifests.size() - 1).runId();
        Set<String> paths = new LinkedHashSet<>();
        Map<String, Long> changes = new LinkedHashMap<>(); // "athlete/activity" -> activity (null = athlete)
        Set<String> changeKeys = new LinkedHashSet<>();
        Set<String> skippedKinds = new LinkedHashSet<>(); // run id NUL kind
        List<long[]> changeRows = new ArrayList<>();
        for (IngestManifest m : manifests) {
            for (IngestManifest.Entry e : m.objects() == null ? List.<IngestManifest.Entry>of() : m.objects()) {
                if (!"deleted".equals(e.change())) {
                    if (kinds.contains(e.kind())) {
                        paths.add(e.path());
                    } else {
                        skippedKinds.add(m.runId() + "\u0000" + e.kind());
                    }
                }
                boolean activityLevel = switch (e.kind()) {
                    case "activity", "streams", "deletion" -> true;
                    default -> false;
                };
                String key = e.athleteId() + "/" + (activityLevel ? e.objectId() : "*");
                if (changeKeys.add(key)) {
                    changeRows.add(new long[] {e.athleteId(), activityLevel ? e.objectId() : Long.MIN_VALUE});
                }
            }
        }
        List<String> present = new ArrayList<>();
        long missing = stageObjects(paths, present);
        List<String> statements = new ArrayList<>();
        if (!present.isEmpty()) {
            statements.addAll(insertRaw(batchId));
        }
        if (!skippedKinds.isEmpty()) {
            statements.add("INSERT INTO " + warehouse.qualify(SKIPPED_KINDS) + " (run_id, kind) VALUES\n"
                    + skippedKinds.stream().map(k -> k.split("\u0000", 2))
                            .map(k -> "(" + dialect.stringLiteral(k[0]) + ", " + dialect.stringLiteral(k[1]) + ")")
                            .collect(Collectors.joining(",\n")));
        }
        if (!changeRows.isEmpty()) {
            String values = changeRows.stream()
                    .map(r -> "(" + r[0] + ", " + (r[1] == Long.MIN_VALUE ? "NULL" : Long.toString(r[1])) + ", "
                            + dialect.stringLiteral(batchId) + ")")
                    .collect(Collectors.joining(",\n"));
            statements.add("INSERT INTO " + warehouse.qualify(PENDING_CHANGES) + " (athlete_id, activity_id, load_batch_id) VALUES\n" + values);
        }
        String now = dialect.macros().get("current_timestamp").render(null);
        statements.add("INSERT INTO " + warehouse.qualify(LOADED_MANIFESTS) + " (run_id, objects, finished_at, loaded_at) VALUES\n"
                + manifests.stream().map(m -> "(" + dialect.stringLiteral(m.runId()) + ", "
                        + (m.objects() == null ? 0 : m.objects().size()) + ", "
                        + (m.finishedAt() == null ? "NULL" : dialect.stringLiteral(m.finishedAt())) + ", " + now + ")")
                        .collect(Collectors.joining(",\n")));
        warehouse.executeAtomically(statements);
        LOG.infof("loaded %d ingest manifests (%s .. %s): %d objects, %d missing", manifests.size(), manifests.get(0).runId(),
                batchId, present.size(), missing);
        return new long[] {present.size(), missing};
    }

    /**
     * Loads the objects of the given paths that are still in the lake into the scratch table; fills {@code present}
     * and returns how many were missing.
     */
    private long stageObjects(Set<String> paths, List<String> present) {
        List<Long> sizes = new ArrayList<>();
        long missing = 0;
        for (String path : paths) {
            Optional<ObjectInfo> info = lake.stat(path);
            if (info.isPresent()) {
                present.add(path);
                sizes.add(info.get().size());
            } else {
                missing++;
                LOG.warnf("raw object %s listed by an ingest manifest is no longer in the lake (purged or replaced); skipped", path);
            }
        }
        if (!present.isEmpty()) {
            loadScratch(present, sizes);
        }
        return missing;
    }

    /** Statements appending the scratch table's new versions to the raw tables of the loaded kinds. */
    private List<String> insertRaw(String batchId) {
        String envelopeColumns = Sources.ENVELOPE.columns().stream().map(Column::name).collect(Collectors.joining(", "));
        String batchIdLiteral = dialect.stringLiteral(batchId);
        List<String> statements = new ArrayList<>();
        Sources.TABLE_BY_KIND.forEach((kind, table) -> {
            if (!kinds.contains(kind)) {
                return;
            }
            String raw = warehouse.qualify(Sources.tableName("strava", table));
            statements.add("INSERT INTO " + raw + " (" + envelopeColumns + ", ingest_run_id, loaded_at)\n"
                    + "SELECT " + Sources.ENVELOPE.columns().stream().map(c -> "B." + c.name()).collect(Collectors.joining(", "))
                    + ", " + batchIdLiteral + ", " + dialect.macros().get("current_timestamp").render(null) + "\n"
                    + "FROM " + warehouse.qualify(BATCH) + " AS B\n"
                    + "WHERE B.kind = " + dialect.stringLiteral(kind) + "\n"
                    + "AND NOT EXISTS (SELECT 1 FROM " + raw + " AS R WHERE R.athlete_id = B.athlete_id"
                    + " AND R.object_id = B.object_id AND R.fetched_at = B.fetched_at"
                    + " AND R.payload_sha256 IS NOT DISTINCT FROM B.payload_sha256)");
        });
        return statements;
    }

    /**
     * Loads the objects of kinds that earlier runs consumed without loading (nothing read them then) and that this
     * loader loads: after {@code stg_strava__streams} is turned on, the raw streams of every consumed manifest arrive
     * in one transaction with the removal of their skip records. Returns {objects loaded, objects missing}.
     */
    long[] loadSkipped() {
        List<Map<String, Object>> rows = warehouse.query("SELECT run_id, kind FROM " + warehouse.qualify(SKIPPED_KINDS)
                + " ORDER BY run_id");
        Map<String, Set<String>> byRun = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String kind = (String) row.get("kind");
            if (kinds.contains(kind)) {
                byRun.computeIfAbsent((String) row.get("run_id"), r -> new LinkedHashSet<>()).add(kind);
            }
        }
        if (byRun.isEmpty()) {
            return new long[] {0, 0};
        }
        Set<String> paths = new LinkedHashSet<>();
        for (Map.Entry<String, Set<String>> run : byRun.entrySet()) {
            IngestManifest m = read(run.getKey());
            for (IngestManifest.Entry e : m.objects() == null ? List.<IngestManifest.Entry>of() : m.objects()) {
                if (!"deleted".equals(e.change()) && run.getValue().contains(e.kind())) {
                    paths.add(e.path());
                }
            }
        }
        List<String> present = new ArrayList<>();
        long missing = stageObjects(paths, present);
        List<String> statements = new ArrayList<>();
        if (!present.isEmpty()) {
            statements.addAll(insertRaw(byRun.keySet().stream().reduce((a, b) -> b).orElseThrow()));
        }
        Set<String> loadedKinds = new LinkedHashSet<>();
        byRun.values().forEach(loadedKinds::addAll);
        statements.add("DELETE FROM " + warehouse.qualify(SKIPPED_KINDS) + " WHERE kind IN ("
                + loadedKinds.stream().map(dialect::stringLiteral).collect(Collectors.joining(", ")) + ")");
        warehouse.executeAtomically(statements);
        LOG.infof("loaded %d raw objects of kinds %s that %d earlier manifests listed while no model read them (%d missing)",
                present.size(), loadedKinds, byRun.size(), missing);
        return new long[] {present.size(), missing};
    }

    /** The pending changes, copied into the build's changed-activities table; returns how many rows it has. */
    public long snapshotChanges(String changedTable) {
        warehouse.execute(dialect.createTableAs(warehouse.qualify(changedTable),
                "SELECT DISTINCT athlete_id, activity_id FROM " + warehouse.qualify(PENDING_CHANGES)));
        return ((Number) warehouse.query("SELECT COUNT(*) AS n FROM " + warehouse.qualify(changedTable)).get(0).get("n")).longValue();
    }

    /** Athletes with pending changes. */
    public Set<Long> touchedAthletes(String changedTable) {
        Set<Long> athletes = new LinkedHashSet<>();
        for (Map<String, Object> row : warehouse.query("SELECT DISTINCT athlete_id FROM " + warehouse.qualify(changedTable)
                + " ORDER BY athlete_id")) {
            athletes.add(((Number) row.get("athlete_id")).longValue());
        }
        return athletes;
    }

    /**
     * Loads the batch's raw objects into the scratch table. On DuckDB in chunks of at most {@code chunkBytes} (a full
     * backfill is hundreds of MB of stream JSON, which one read_json would hold in memory at once); BigQuery takes them
     * in one load job. The scratch table is truncated first, so a crash part way leaves nothing that counts.
     */
    private void loadScratch(List<String> paths, List<Long> sizes) {
        if (!dialect.batchesLargeBuilds()) {
            warehouse.load(BATCH, Sources.ENVELOPE, paths, WriteMode.TRUNCATE);
            return;
        }
        int from = 0;
        while (from < paths.size()) {
            int to = from;
            long bytes = 0;
            while (to < paths.size() && (to == from || bytes + sizes.get(to) <= chunkBytes)) {
                bytes += sizes.get(to);
                to++;
            }
            warehouse.load(BATCH, Sources.ENVELOPE, paths.subList(from, to), from == 0 ? WriteMode.TRUNCATE : WriteMode.APPEND);
            from = to;
        }
    }

    /** Forgets pending changes once a build has consumed them (only those of batches up to {@code lastBatchId}). */
    public void clearChanges(String lastBatchId) {
        warehouse.execute("DELETE FROM " + warehouse.qualify(PENDING_CHANGES) + " WHERE load_batch_id <= @last",
                Map.of("last", lastBatchId));
    }

    /** The newest consumed manifest, or null. */
    public String lastLoadedManifest() {
        Object v = warehouse.query("SELECT MAX(run_id) AS last FROM " + warehouse.qualify(LOADED_MANIFESTS)).get(0).get("last");
        return v == null ? null : v.toString();
    }
}
