package dev.paceline.transform.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.HeldAthlete;
import dev.paceline.transform.QuarantinedObject;
import dev.paceline.transform.RunCheckpoint;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.Materialization;
import dev.paceline.transform.Model;
import dev.paceline.transform.ModelResult;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.TestResult;
import dev.paceline.transform.engine.DataTestRunner;
import dev.paceline.transform.engine.DeletionPurge;
import dev.paceline.transform.engine.ModelBuilder;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.engine.ModelRenderer;
import dev.paceline.transform.load.RawLoader;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.serving.SnapshotPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * One transform run, start to end: take the lease, load new manifests, build the selected models in DAG order, run
 * their data tests, and publish a serving snapshot only when every model built and no error-severity test failed.
 * Plain Java (no CDI) so tests drive it directly; {@link TransformService} wires it for the app.
 */
public final class TransformRunner {

    private static final Logger LOG = Logger.getLogger(TransformRunner.class);

    /** The transform lease: one run at a time across pods and processes. */
    public static final String LEASE_PATH = LakeLayout.state("transform", "lease.json");
    /** Milliseconds in the id: builds sort by it (newest kept, oldest pruned) and several can start within a second. */
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** What a run is asked to do. */
    public record Request(String trigger, String selection, boolean fullRefresh, boolean onlyIfNew) {
    }

    /**
     * Settings of the runner.
     *
     * @param freshnessMaxAge the freshness check warns when the newest raw object is older than this
     * @param maxRawObjectBytes raw objects larger than this are quarantined instead of loaded
     */
    public record Settings(int keepBuilds, Duration leaseTtl, int loadBatchObjects, int schemaVersion, String owner,
            Duration freshnessMaxAge, long maxRawObjectBytes) {

        /** The default freshness bound, as {@code paceline.transform.freshness-max-age}. */
        public static final Duration DEFAULT_FRESHNESS_MAX_AGE = Duration.ofDays(7);

        public Settings(int keepBuilds, Duration leaseTtl, int loadBatchObjects, int schemaVersion, String owner) {
            this(keepBuilds, leaseTtl, loadBatchObjects, schemaVersion, owner, DEFAULT_FRESHNESS_MAX_AGE);
        }

        public Settings(int keepBuilds, Duration leaseTtl, int loadBatchObjects, int schemaVersion, String owner,
                Duration freshnessMaxAge) {
            this(keepBuilds, leaseTtl, loadBatchObjects, schemaVersion, owner, freshnessMaxAge, RawLoader.DEFAULT_MAX_OBJECT_BYTES);
        }
    }

    /** Most quarantined objects a run report lists. */
    private static final int QUARANTINE_LISTED = 100;

    private final Lake lake;
    private final Warehouse warehouse;
    private final ModelGraph graph;
    private final SqlDialect dialect;
    private final List<JavaModel> javaModels;
    private final ObjectMapper json;
    private final Clock clock;
    private final Settings settings;
    private final RunCheckpoint checkpoint;

    public TransformRunner(Lake lake, Warehouse warehouse, ModelGraph graph, SqlDialect dialect, List<JavaModel> javaModels,
            ObjectMapper json, Clock clock, Settings settings) {
        this(lake, warehouse, graph, dialect, javaModels, json, clock, settings, RunCheckpoint.NONE);
    }

    /** @param checkpoint told at the run's named points (tests act there; production passes NONE) */
    public TransformRunner(Lake lake, Warehouse warehouse, ModelGraph graph, SqlDialect dialect, List<JavaModel> javaModels,
            ObjectMapper json, Clock clock, Settings settings, RunCheckpoint checkpoint) {
        this.lake = lake;
        this.warehouse = warehouse;
        this.graph = graph;
        this.dialect = dialect;
        this.javaModels = javaModels;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.checkpoint = checkpoint;
    }

    public ModelGraph graph() {
        return graph;
    }

    /** A new sortable id: UTC time to the millisecond, then random hex. */
    public String newId() {
        return ID.format(clock.instant()) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(0x1000000));
    }

    /** Whether ingest manifests are waiting (for the poller). */
    public boolean hasNewManifests() {
        RawLoader loader = loader();
        loader.ensureTables();
        return !loader.pendingManifests().isEmpty();
    }

    /** What a run carries from step to step for its report. */
    private final class Progress {
        final String runId;
        final Request request;
        final String startedAt = clock.instant().toString();
        final List<ModelResult> models = new ArrayList<>();
        final List<TestResult> tests = new ArrayList<>();
        int manifests;
        long objects;
        List<HeldAthlete> held = List.of();
        List<QuarantinedObject> quarantined = List.of();

        Progress(String runId, Request request) {
            this.runId = runId;
            this.request = request;
        }

        RunReport report(String status, String buildId, String error) {
            return new RunReport(runId, request.trigger(), request.selection(), request.fullRefresh(), status, startedAt,
                    status.equals("running") ? null : clock.instant().toString(), manifests, objects, List.copyOf(models),
                    List.copyOf(tests), buildId, error, held, quarantined);
        }
    }

    /**
     * Runs; {@code progress} receives the report after each step (for GET /runs while running). The lease is renewed
     * by a heartbeat for the whole run, and checked (fenced) before the build starts and before each publish write.
     */
    public RunReport run(String runId, Request request, Consumer<RunReport> progress) {
        Progress run = new Progress(runId, request);
        LakeLease lease = new LakeLease(lake, LEASE_PATH, json, clock, settings.leaseTtl());
        Optional<LakeLease.Handle> handle = lease.acquire(settings.owner(), runId);
        if (handle.isEmpty()) {
            String holder = lease.holder().map(h -> h.runId() + " (" + h.owner() + ") until " + h.expiresAt()).orElse("?");
            return run.report("rejected", null, "another transform run holds the lease: " + holder);
        }
        try (LeaseHeartbeat heartbeat = new LeaseHeartbeat(lease, handle.get(), settings.leaseTtl())) {
            return execute(run, heartbeat, progress);
        } catch (RuntimeException e) {
            LOG.errorf(e, "transform run %s failed", runId);
            return run.report("failed", null, e.getMessage());
        }
    }

    private RunReport execute(Progress run, LeaseHeartbeat heartbeat, Consumer<RunReport> progress) {
        Request request = run.request;
        String runId = run.runId;
        List<ModelResult> models = run.models;
        List<TestResult> tests = run.tests;
        long t0 = System.nanoTime();
        List<String> selected = graph.select(request.selection());
        RawLoader loader = loader();
        RawLoader.LoadResult loaded = loader.loadNew();
        run.manifests = loaded.manifests().size();
        run.objects = loaded.objects();
        run.quarantined = loader.quarantined(QUARANTINE_LISTED);
        long changes = loader.snapshotChanges(ModelRenderer.CHANGED_TABLE);
        if (request.onlyIfNew() && changes == 0 && run.manifests == 0) {
            return run.report("skipped", null, null);
        }
        heartbeat.fence();
        long t1 = System.nanoTime();
        String buildId = runId;
        ModelBuilder builder = new ModelBuilder(warehouse, lake, dialect, javaModels, checkpoint);
        for (String name : selected) {
            Model model = graph.model(name);
            ModelResult result = builder.build(model, request.fullRefresh(), changes > 0);
            models.add(result);
            progress.accept(run.report("running", null, null));
            if (result.error() != null) {
                return run.report("failed", null, "model " + result.model() + " failed: " + result.error()
                        + "; nothing was published");
            }
        }
        // Deletion reaches every layer before anything is tested or served.
        DeletionPurge.Result forgotten = new DeletionPurge(warehouse, dialect).purge(
                DeletionPurge.targets(graph, warehouse::describe, List.of(RawLoader.QUARANTINE)),
                request.fullRefresh() ? null : warehouse.qualify(ModelRenderer.CHANGED_TABLE));
        long t2 = System.nanoTime();
        DataTestRunner testRunner = new DataTestRunner(warehouse, dialect);
        Map<String, String> modes = new HashMap<>();
        models.forEach(m -> modes.put(m.model(), m.mode()));
        Map<TestResult, DataTestSpec> specs = new IdentityHashMap<>();
        Map<TestResult, String> scopes = new IdentityHashMap<>();
        for (String name : selected) {
            // An incremental model built incrementally (or skipped: nothing changed) is tested on the changed rows.
            String mode = modes.get(name);
            boolean scoped = graph.model(name).materialization() == Materialization.INCREMENTAL
                    && ("incremental".equals(mode) || "skipped".equals(mode));
            for (DataTestSpec spec : graph.model(name).tests()) {
                TestResult result = testRunner.run(spec, scoped ? ModelRenderer.CHANGED_TABLE : null);
                tests.add(result);
                specs.put(result, spec);
                scopes.put(result, scoped ? ModelRenderer.CHANGED_TABLE : null);
            }
        }
        tests.add(freshness());
        List<TestResult> blocking = tests.stream().filter(TestResult::blocking).toList();
        Map<Long, List<String>> heldTests = new TreeMap<>();
        List<TestResult> unattributed = new ArrayList<>();
        for (TestResult failed : blocking) {
            Optional<Set<Long>> athletes = failed.status().equals("fail") && specs.containsKey(failed)
                    ? testRunner.failingAthletes(specs.get(failed), scopes.get(failed)) : Optional.empty();
            if (athletes.isEmpty() || athletes.get().isEmpty()) {
                unattributed.add(failed);
            } else {
                athletes.get().forEach(a -> heldTests.computeIfAbsent(a, k -> new ArrayList<>()).add(failed.name()));
            }
        }
        run.held = heldTests.entrySet().stream().map(e -> new HeldAthlete(e.getKey(), List.copyOf(e.getValue()))).toList();
        if (!unattributed.isEmpty()) {
            return run.report("failed", null, unattributed.size() + " data test(s) failed (" + String.join("; ", unattributed.stream()
                    .map(t -> t.name() + ": " + (t.message() != null ? t.message() : t.failures() + " failing rows")).toList())
                    + "); their failing rows belong to no single athlete, so nothing was published and the last good build "
                    + "stays live");
        }
        if (!heldTests.isEmpty()) {
            LOG.warnf("run %s holds athletes %s at their last good build: their rows fail data tests %s", runId,
                    heldTests.keySet(), blocking.stream().map(TestResult::name).toList());
        }
        long t3 = System.nanoTime();
        List<Model> marts = graph.order().stream().map(graph::model).filter(Model::serve).toList();
        SnapshotPublisher publisher = new SnapshotPublisher(lake, warehouse, json);
        boolean everything = request.selection() == null || request.selection().isBlank();
        List<String> unbuilt = marts.stream().map(Model::name).filter(m -> warehouse.describe(m).isEmpty()).toList();
        if (!unbuilt.isEmpty()) {
            // A partial selection before the first full build: there is no complete snapshot to publish yet.
            LOG.infof("run %s built its selection but publishes nothing: served marts %s were never built; run every "
                    + "model once", runId, unbuilt);
            return run.report("succeeded", null, null);
        }
        Set<Long> touched = request.fullRefresh() ? null : loader.touchedAthletes(ModelRenderer.CHANGED_TABLE);
        String lastManifest = loader.lastLoadedManifest();
        publisher.publish(buildId, marts, touched, heldTests.keySet(), settings.schemaVersion(), lastManifest, asOf(),
                heartbeat::fence, checkpoint);
        publisher.forget(forgotten.athletes(), buildId);
        publisher.prune(settings.keepBuilds());
        if (everything && lastManifest != null) {
            // Held athletes keep their changes pending: the next build rebuilds and tests them again.
            loader.clearChanges(lastManifest, heldTests.keySet());
        }
        LOG.infof("run %s: loaded %d objects in %d ms, built %d models in %d ms, ran %d tests in %d ms, published in %d ms",
                runId, run.objects, ms(t1 - t0), models.size(), ms(t2 - t1), tests.size(), ms(t3 - t2), ms(System.nanoTime() - t3));
        return run.report("succeeded", buildId, null);
    }

    /**
     * METRICS.md's freshness check, severity warn: the newest raw activity, streams or athlete object must have been
     * fetched within {@link Settings#freshnessMaxAge()}.
     */
    private TestResult freshness() {
        long start = System.nanoTime();
        String name = "raw.freshness(newest fetched_at within " + settings.freshnessMaxAge() + ")";
        try {
            // Both warehouses return TIMESTAMP values as Instant.
            Instant newest = (Instant) warehouse.query("SELECT MAX(newest) AS newest FROM ("
                    + Stream.of("raw_strava__activities", "raw_strava__streams", "raw_strava__athletes")
                            .map(t -> "SELECT MAX(fetched_at) AS newest FROM " + warehouse.qualify(t))
                            .collect(Collectors.joining(" UNION ALL ")) + ") AS raw_tables").get(0).get("newest");
            Instant bound = clock.instant().minus(settings.freshnessMaxAge());
            if (newest != null && !newest.isBefore(bound)) {
                return new TestResult(name, "warn", "pass", 0, ms(System.nanoTime() - start), null);
            }
            String why = newest == null ? "the warehouse holds no raw objects yet"
                    : "the newest raw object was fetched at " + newest + ", more than " + settings.freshnessMaxAge() + " ago";
            return new TestResult(name, "warn", "warn", 1, ms(System.nanoTime() - start), why
                    + ": is ingest-service syncing (GET /sync/status)? The bound is paceline.transform.freshness-max-age");
        } catch (RuntimeException e) {
            return new TestResult(name, "warn", "warn", -1, ms(System.nanoTime() - start), e.getMessage());
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private RawLoader loader() {
        return new RawLoader(lake, warehouse, dialect, json, settings.loadBatchObjects(), RawLoader.CHUNK_BYTES,
                settings.maxRawObjectBytes(), checkpoint, RawLoader.kindsReadBy(graph));
    }

    private String asOf() {
        List<Map<String, Object>> rows = warehouse.query("SELECT MAX(fetched_at) AS newest FROM "
                + warehouse.qualify("raw_strava__activities"));
        Object v = rows.isEmpty() ? null : rows.get(0).get("newest");
        return v == null ? null : v.toString();
    }

}
