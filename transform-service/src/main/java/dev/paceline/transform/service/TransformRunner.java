package dev.paceline.transform.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.LakeLease;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.DataTestSpec;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.Materialization;
import dev.paceline.transform.Model;
import dev.paceline.transform.ModelResult;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.TestResult;
import dev.paceline.transform.engine.DataTestRunner;
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
import java.util.HashSet;
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
     */
    public record Settings(int keepBuilds, Duration leaseTtl, int loadBatchObjects, int schemaVersion, String owner,
            Duration freshnessMaxAge) {

        /** The default freshness bound, as {@code paceline.transform.freshness-max-age}. */
        public static final Duration DEFAULT_FRESHNESS_MAX_AGE = Duration.ofDays(7);

        public Settings(int keepBuilds, Duration leaseTtl, int loadBatchObjects, int schemaVersion, String owner) {
            this(keepBuilds, leaseTtl, loadBatchObjects, schemaVersion, owner, DEFAULT_FRESHNESS_MAX_AGE);
        }
    }

    private final Lake lake;
    private final Warehouse warehouse;
    private final ModelGraph graph;
    private final SqlDialect dialect;
    private final List<JavaModel> javaModels;
    private final ObjectMapper json;
    private final Clock clock;
    private final Settings settings;

    public TransformRunner(Lake lake, Warehouse warehouse, ModelGraph graph, SqlDialect dialect, List<JavaModel> javaModels,
            ObjectMapper json, Clock clock, Settings settings) {
        this.lake = lake;
        this.warehouse = warehouse;
        this.graph = graph;
        this.dialect = dialect;
        this.javaModels = javaModels;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
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

    /**
     * Runs; {@code progress} receives the report after each step (for GET /runs while running).
     */
    public RunReport run(String runId, Request request, Consumer<RunReport> progress) {
        String startedAt = clock.instant().toString();
        List<ModelResult> models = new ArrayList<>();
        List<TestResult> tests = new ArrayList<>();
        LakeLease lease = new LakeLease(lake, LEASE_PATH, json, clock, settings.leaseTtl());
        Optional<LakeLease.Handle> handle = lease.acquire(settings.owner(), runId);
        if (handle.isEmpty()) {
            String holder = lease.holder().map(h -> h.runId() + " (" + h.owner() + ") until " + h.expiresAt()).orElse("?");
            return new RunReport(runId, request.trigger(), request.selection(), request.fullRefresh(), "rejected", startedAt,
                    clock.instant().toString(), 0, 0, models, tests, null, "another transform run holds the lease: " + holder);
        }
        LakeLease.Handle held = handle.get();
        int manifests = 0;
        long objects = 0;
        try {
            long t0 = System.nanoTime();
            List<String> selected = graph.select(request.selection());
            RawLoader loader = loader();
            RawLoader.LoadResult loaded = loader.loadNew();
            manifests = loaded.manifests().size();
            objects = loaded.objects();
            long changes = loader.snapshotChanges(ModelRenderer.CHANGED_TABLE);
            if (request.onlyIfNew() && changes == 0 && manifests == 0) {
                return report(runId, request, "skipped", startedAt, manifests, objects, models, tests, null, null);
            }
            held = lease.renew(held);
            long t1 = System.nanoTime();
            String buildId = runId;
            ModelBuilder builder = new ModelBuilder(warehouse, lake, dialect, javaModels);
            boolean failed = false;
            Set<String> built = new HashSet<>();
            for (String name : selected) {
                Model model = graph.model(name);
                ModelResult result = builder.build(model, request.fullRefresh(), changes > 0);
                models.add(result);
                progress.accept(report(runId, request, "running", startedAt, manifests, objects, models, tests, null, null));
                if (result.error() != null) {
                    failed = true;
                    break;
                }
                built.add(name);
                held = lease.renew(held);
            }
            if (failed) {
                ModelResult bad = models.get(models.size() - 1);
                return report(runId, request, "failed", startedAt, manifests, objects, models, tests, null,
                        "model " + bad.model() + " failed: " + bad.error() + "; nothing was published");
            }
            long t2 = System.nanoTime();
            DataTestRunner testRunner = new DataTestRunner(warehouse, dialect);
            Map<String, String> modes = new HashMap<>();
            models.forEach(m -> modes.put(m.model(), m.mode()));
            for (String name : selected) {
                // An incremental model built incrementally (or skipped: nothing changed) is tested on the changed rows.
                String mode = modes.get(name);
                boolean scoped = graph.model(name).materialization() == Materialization.INCREMENTAL
                        && ("incremental".equals(mode) || "skipped".equals(mode));
                for (DataTestSpec spec : graph.model(name).tests()) {
                    tests.add(testRunner.run(spec, scoped ? ModelRenderer.CHANGED_TABLE : null));
                }
            }
            tests.add(freshness());
            List<TestResult> blocking = tests.stream().filter(TestResult::blocking).toList();
            if (!blocking.isEmpty()) {
                return report(runId, request, "failed", startedAt, manifests, objects, models, tests, null,
                        blocking.size() + " data test(s) failed (" + String.join("; ", blocking.stream().map(t -> t.name()
                                + ": " + (t.message() != null ? t.message() : t.failures() + " failing rows")).toList())
                                + "); nothing was published, the last good build stays live");
            }
            held = lease.renew(held);
            long t3 = System.nanoTime();
            List<Model> marts = graph.order().stream().map(graph::model).filter(Model::serve).toList();
            SnapshotPublisher publisher = new SnapshotPublisher(lake, warehouse, json);
            boolean everything = request.selection() == null || request.selection().isBlank();
            List<String> unbuilt = marts.stream().map(Model::name).filter(m -> warehouse.describe(m).isEmpty()).toList();
            if (!unbuilt.isEmpty()) {
                // A partial selection before the first full build: there is no complete snapshot to publish yet.
                LOG.infof("run %s built its selection but publishes nothing: served marts %s were never built; run every "
                        + "model once", runId, unbuilt);
                return report(runId, request, "succeeded", startedAt, manifests, objects, models, tests, null, null);
            }
            Set<Long> touched = request.fullRefresh() ? null : loader.touchedAthletes(ModelRenderer.CHANGED_TABLE);
            String lastManifest = loader.lastLoadedManifest();
            publisher.publish(buildId, marts, touched, settings.schemaVersion(), lastManifest, asOf());
            publisher.prune(settings.keepBuilds());
            if (everything && lastManifest != null) {
                loader.clearChanges(lastManifest);
            }
            LOG.infof("run %s: loaded %d objects in %d ms, built %d models in %d ms, ran %d tests in %d ms, published in %d ms",
                    runId, objects, ms(t1 - t0), models.size(), ms(t2 - t1), tests.size(), ms(t3 - t2), ms(System.nanoTime() - t3));
            return report(runId, request, "succeeded", startedAt, manifests, objects, models, tests, buildId, null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "transform run %s failed", runId);
            return report(runId, request, "failed", startedAt, manifests, objects, models, tests, null, e.getMessage());
        } finally {
            lease.release(held);
        }
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
                RawLoader.kindsReadBy(graph));
    }

    private String asOf() {
        List<Map<String, Object>> rows = warehouse.query("SELECT MAX(fetched_at) AS newest FROM "
                + warehouse.qualify("raw_strava__activities"));
        Object v = rows.isEmpty() ? null : rows.get(0).get("newest");
        return v == null ? null : v.toString();
    }

    private RunReport report(String runId, Request request, String status, String startedAt, int manifests, long objects,
            List<ModelResult> models, List<TestResult> tests, String buildId, String error) {
        return new RunReport(runId, request.trigger(), request.selection(), request.fullRefresh(), status, startedAt,
                status.equals("running") ? null : clock.instant().toString(), manifests, objects, List.copyOf(models),
                List.copyOf(tests), buildId, error);
    }
}
