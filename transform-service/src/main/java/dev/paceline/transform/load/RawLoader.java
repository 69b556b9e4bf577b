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
import dev.paceline.transform.QuarantinedObject;
import dev.paceline.transform.RunCheckpoint;
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
    static final String BATCH = "_paceline_raw_batch";
    /** Raw objects that could not be loaded (unparseable or oversized), one row per lake path, with the reason. */
    public static final String QUARANTINE = "_paceline_quarantine";
    /** The default bound on one raw object's size, as {@code paceline.transform.max-raw-object-bytes}. */
    public static final long DEFAULT_MAX_OBJECT_BYTES = 64L << 20;
    /** Longest reason kept for a quarantined object (a parser error can quote a whole line). */
    private static final int MAX_REASON = 500;
    /** Most bytes of raw objects one DuckDB load statement reads. */
    public static final long CHUNK_BYTES = 256L << 20;

    static final TableSchema LOADED_SCHEMA = TableSchema.of(
            Column.of("run_id", ColumnType.STRING),
            Column.of("objects", ColumnType.INT64),
            Column.of("finished_at", ColumnType.STRING),
            Column.of("loaded_at", ColumnType.TIMESTAMP));
    static final TableSchema QUARANTINE_SCHEMA = TableSchema.of(
            Column.of("path", ColumnType.STRING),
            Column.of("athlete_id", ColumnType.INT64),
            Column.of("object_id", ColumnType.INT64),
            Column.of("kind", ColumnType.STRING),
            Column.of("ingest_run_id", ColumnType.STRING),
            Column.of("reason", ColumnType.STRING),
            Column.of("quarantined_at", ColumnType.TIMESTAMP));
    /**
     * Kinds of the manifests consumed without loading their objects because no model read them (raw streams while
     * {@code stg_strava__streams} is off): loaded later by a loader that needs them ({@link #loadSkipped}).
     */
    public static final String SKIPPED_KINDS = "_paceline_skipped_kinds";
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
    private final long maxObjectBytes;
    private final RunCheckpoint checkpoint;
    private final Set<String> kinds;

    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects) {
        this(lake, warehouse, dialect, json, batchObjects, CHUNK_BYTES, DEFAULT_MAX_OBJECT_BYTES, RunCheckpoint.NONE);
    }

    /** @param chunkBytes most bytes of raw objects one DuckDB load statement reads (tests use tiny chunks) */
    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects, long chunkBytes) {
        this(lake, warehouse, dialect, json, batchObjects, chunkBytes, DEFAULT_MAX_OBJECT_BYTES, RunCheckpoint.NONE);
    }

    /**
     * @param chunkBytes most bytes of raw objects one DuckDB load statement reads (tests use tiny chunks)
     * @param maxObjectBytes raw objects larger than this are quarantined instead of loaded
     * @param checkpoint told when a batch is in the scratch table and about to commit ({@code load})
     */
    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects, long chunkBytes,
            long maxObjectBytes, RunCheckpoint checkpoint) {
        this(lake, warehouse, dialect, json, batchObjects, chunkBytes, maxObjectBytes, checkpoint, Sources.TABLE_BY_KIND.keySet());
    }

    /**
     * @param kinds the envelope kinds whose objects are loaded into raw tables ({@link #kindsReadBy}); the changes of
     *              every kind are recorded whatever this says
     */
    public RawLoader(Lake lake, Warehouse warehouse, SqlDialect dialect, ObjectMapper json, int batchObjects, long chunkBytes,
            long maxObjectBytes, RunCheckpoint checkpoint, Set<String> kinds) {
        this.kinds = Set.copyOf(kinds);
        this.chunkBytes = Math.max(1, chunkBytes);
        this.maxObjectBytes = Math.max(1, maxObjectBytes);
        this.checkpoint = checkpoint;
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
    public record LoadResult(List<String> manifests, long objects, long missingObjects, long quarantinedObjects) {
    }


    /** Creates the raw and bookkeeping tables when missing. */
    public void ensureTables() {
        for (String table : Sources.TABLE_BY_KIND.values()) {
            warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(Sources.tableName("strava", table)), Sources.RAW));
        }
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(LOADED_MANIFESTS), LOADED_SCHEMA));
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(PENDING_CHANGES), PENDING_SCHEMA));
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(SKIPPED_KINDS), SKIPPED_SCHEMA));
        warehouse.execute(dialect.createTableIfMissing(warehouse.qualify(QUARANTINE), QUARANTINE_SCHEMA));
    }

    /** The quarantined raw objects, newest first, at most {@code limit}. */
    public List<QuarantinedObject> quarantined(int limit) {
        List<QuarantinedObject> list = new ArrayList<>();
        for (Map<String, Object> row : warehouse.query("SELECT path, athlete_id, kind, ingest_run_id, reason, quarantined_at FROM "
                + warehouse.qualify(QUARANTINE) + " ORDER BY quarantined_at DESC, path LIMIT " + Math.max(0, limit))) {
            list.add(new QuarantinedObject((String) row.get("path"), ((Number) row.get("athlete_id")).longValue(), (String) row.get("kind"),
                    (String) row.get("ingest_run_id"), (String) row.get("reason"), String.valueOf(row.get("quarantined_at"))));
        }
        return list;
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
        long quarantined = 0;
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
                quarantined += r[2];
                batch.forEach(m -> consumed.add(m.runId()));
                batch.clear();
                batchSize = 0;
            }
        }
        if (!batch.isEmpty()) {
            long[] r = loadBatch(batch);
            objects += r[0];
            missing += r[1];
            quarantined += r[2];
            batch.forEach(m -> consumed.add(m.runId()));
        }
        return new LoadResult(consumed, objects, missing, quarantined);
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

    /** Returns {objects loaded, objects listed but missing from the lake, objects quarantined}. */
    private long[] loadBatch(List<IngestManifest> manifests) {
        String batchId = manifests.get(manifests.size() - 1).runId();
        Set<String> paths = new LinkedHashSet<>();
        Map<String, IngestManifest.Entry> entryByPath = new LinkedHashMap<>();
        Map<String, Long> changes = new LinkedHashMap<>(); // "athlete/activity" -> activity (null = athlete)
        Set<String> changeKeys = new LinkedHashSet<>();
        Set<String> skippedKinds = new LinkedHashSet<>(); // run id NUL kind
        List<long[]> changeRows = new ArrayList<>();
        for (IngestManifest m : manifests) {
            for (IngestManifest.Entry e : m.objects() == null ? List.<IngestManifest.Entry>of() : m.objects()) {
                if (!"deleted".equals(e.change()) && kinds.contains(e.kind())) {
                    paths.add(e.path());
                    entryByPath.put(e.path(), e);
                } else if (!"deleted".equals(e.change())) {
                    skippedKinds.add(m.runId() + "\u0000" + e.kind());
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
        List<Long> sizes = new ArrayList<>();
        Map<String, String> rejected = new LinkedHashMap<>(); // path -> reason
        long missing = 0;
        for (String path : paths) {
            Optional<ObjectInfo> info = lake.stat(path);
            if (info.isPresent() && info.get().size() > maxObjectBytes) {
                rejected.put(path, "oversized: " + info.get().size() + " bytes, more than the bound of " + maxObjectBytes
                        + " (paceline.transform.max-raw-object-bytes); raise the bound or have ingest fetch it again");
            } else if (info.isPresent()) {
                present.add(path);
                sizes.add(info.get().size());
            } else {
                missing++;
                LOG.warnf("raw object %s listed by an ingest manifest is no longer in the lake (purged or replaced); skipped", path);
            }
        }
        List<String> statements = new ArrayList<>();
        if (!present.isEmpty()) {
            rejected.putAll(loadScratch(present, sizes));
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
        // A path loaded or quarantined now replaces its earlier quarantine record: the next good version wins.
        Set<String> quarantinedBefore = new HashSet<>();
        for (Map<String, Object> row : warehouse.query("SELECT path FROM " + warehouse.qualify(QUARANTINE))) {
            quarantinedBefore.add((String) row.get("path"));
        }
        List<String> replaced = paths.stream().filter(quarantinedBefore::contains).toList();
        if (!replaced.isEmpty()) {
            statements.add("DELETE FROM " + warehouse.qualify(QUARANTINE) + " WHERE path IN ("
                    + replaced.stream().map(dialect::stringLiteral).collect(Collectors.joining(", ")) + ")");
        }
        if (!rejected.isEmpty()) {
            statements.add("INSERT INTO " + warehouse.qualify(QUARANTINE) + " (path, athlete_id, object_id, kind, ingest_run_id, "
                    + "reason, quarantined_at) VALUES\n" + rejected.entrySet().stream().map(r -> {
                        IngestManifest.Entry e = entryByPath.get(r.getKey());
                        String reason = r.getValue().length() > MAX_REASON ? r.getValue().substring(0, MAX_REASON) + "…" : r.getValue();
                        return "(" + dialect.stringLiteral(r.getKey()) + ", " + e.athleteId() + ", " + e.objectId() + ", "
                                + dialect.stringLiteral(e.kind()) + ", " + dialect.stringLiteral(batchId) + ", "
                                + dialect.stringLiteral(reason) + ", " + now + ")";
                    }).collect(Collectors.joining(",\n")));
            rejected.forEach((path, reason) -> LOG.warnf("raw object %s quarantined: %s", path, reason));
        }
        statements.add("INSERT INTO " + warehouse.qualify(LOADED_MANIFESTS) + " (run_id, objects, finished_at, loaded_at) VALUES\n"
                + manifests.stream().map(m -> "(" + dialect.stringLiteral(m.runId()) + ", "
                        + (m.objects() == null ? 0 : m.objects().size()) + ", "
                        + (m.finishedAt() == null ? "NULL" : dialect.stringLiteral(m.finishedAt())) + ", " + now + ")")
                        .collect(Collectors.joining(",\n")));
        checkpoint.reached(RunCheckpoint.LOAD);
        warehouse.executeAtomically(statements);
        // The scratch copy holds payloads: emptied once committed, so that nothing outlives a purge there.
        warehouse.execute("DROP TABLE IF EXISTS " + warehouse.qualify(BATCH));
        long loaded = present.size() - rejected.keySet().stream().filter(present::contains).count();
        LOG.infof("loaded %d ingest manifests (%s .. %s): %d objects, %d missing, %d quarantined", manifests.size(),
                manifests.get(0).runId(), batchId, loaded, missing, rejected.size());
        return new long[] {loaded, missing, rejected.size()};
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
     * loader loads: after {@code stg_strava__streams} is turned on, the raw streams of every manifest consumed meanwhile
     * arrive in one transaction with the removal of their skip records. Objects gone from the lake or unreadable are
     * skipped with a warning. Returns {objects loaded, objects missing}.
     */
    long[] loadSkipped() {
        Map<String, Set<String>> byRun = new LinkedHashMap<>();
        for (Map<String, Object> row : warehouse.query("SELECT run_id, kind FROM " + warehouse.qualify(SKIPPED_KINDS)
                + " ORDER BY run_id")) {
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
        List<Long> sizes = new ArrayList<>();
        long missing = 0;
        for (String path : paths) {
            Optional<ObjectInfo> info = lake.stat(path);
            if (info.isPresent() && info.get().size() <= maxObjectBytes) {
                present.add(path);
                sizes.add(info.get().size());
            } else {
                missing++;
                LOG.warnf("raw object %s listed by a consumed manifest is gone or oversized; not loaded", path);
            }
        }
        List<String> statements = new ArrayList<>();
        Map<String, String> rejected = present.isEmpty() ? Map.of() : loadScratch(present, sizes);
        rejected.forEach((path, reason) -> LOG.warnf("raw object %s not loaded: %s", path, reason));
        if (!present.isEmpty()) {
            statements.addAll(insertRaw(byRun.keySet().stream().reduce((a, b) -> b).orElseThrow()));
        }
        Set<String> loadedKinds = new LinkedHashSet<>();
        byRun.values().forEach(loadedKinds::addAll);
        statements.add("DELETE FROM " + warehouse.qualify(SKIPPED_KINDS) + " WHERE kind IN ("
                + loadedKinds.stream().map(dialect::stringLiteral).collect(Collectors.joining(", ")) + ")");
        warehouse.executeAtomically(statements);
        warehouse.execute("DROP TABLE IF EXISTS " + warehouse.qualify(BATCH));
        long loaded = present.size() - rejected.size();
        LOG.infof("loaded %d raw objects of kinds %s that %d earlier manifests listed while no model read them (%d missing)",
                loaded, loadedKinds, byRun.size(), missing + rejected.size());
        return new long[] {loaded, missing + rejected.size()};
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
     * in one load job. The scratch table is emptied first, so a crash part way leaves nothing that counts. A chunk the
     * warehouse cannot parse is split in halves until the objects at fault are found; those are returned (path to
     * reason) for quarantine and the rest loads.
     */
    private Map<String, String> loadScratch(List<String> paths, List<Long> sizes) {
        warehouse.execute(dialect.createOrReplaceTable(warehouse.qualify(BATCH), Sources.ENVELOPE));
        Map<String, String> rejected = new LinkedHashMap<>();
        if (!dialect.batchesLargeBuilds()) {
            loadOrSplit(paths, rejected);
            return rejected;
        }
        int from = 0;
        while (from < paths.size()) {
            int to = from;
            long bytes = 0;
            while (to < paths.size() && (to == from || bytes + sizes.get(to) <= chunkBytes)) {
                bytes += sizes.get(to);
                to++;
            }
            loadOrSplit(paths.subList(from, to), rejected);
            from = to;
        }
        return rejected;
    }

    private void loadOrSplit(List<String> paths, Map<String, String> rejected) {
        try {
            warehouse.load(BATCH, Sources.ENVELOPE, paths, WriteMode.APPEND);
        } catch (RuntimeException e) {
            if (paths.size() == 1) {
                rejected.put(paths.get(0), "unreadable: " + e.getMessage() + "; the next version ingest writes replaces it");
                return;
            }
            int half = paths.size() / 2;
            loadOrSplit(paths.subList(0, half), rejected);
            loadOrSplit(paths.subList(half, paths.size()), rejected);
        }
    }

    /** Forgets pending changes once a build has consumed them (only those of batches up to {@code lastBatchId}). */
    public void clearChanges(String lastBatchId) {
        clearChanges(lastBatchId, Set.of());
    }

    /**
     * Forgets pending changes once a build has published them (only those of batches up to {@code lastBatchId}),
     * except the changes of {@code keep} (athletes held back: their next build must rebuild and test them again).
     */
    public void clearChanges(String lastBatchId, Set<Long> keep) {
        String except = keep.isEmpty() ? "" : " AND athlete_id NOT IN (" + keep.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", ")) + ")";
        warehouse.execute("DELETE FROM " + warehouse.qualify(PENDING_CHANGES) + " WHERE load_batch_id <= @last" + except,
                Map.of("last", lastBatchId));
    }

    /** The newest consumed manifest, or null. */
    public String lastLoadedManifest() {
        Object v = warehouse.query("SELECT MAX(run_id) AS last FROM " + warehouse.qualify(LOADED_MANIFESTS)).get(0).get("last");
        return v == null ? null : v.toString();
    }
}
