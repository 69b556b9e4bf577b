import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.platform.contract.IngestManifest;
import dev.paceline.platform.json.Json;
import dev.paceline.platform.lake.FileLake;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.DuckDbWarehouse;
import dev.paceline.simulator.data.ActivityPlan;
import dev.paceline.simulator.data.AthleteGenerator;
import dev.paceline.transform.JavaModel;
import dev.paceline.transform.ModelResult;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.engine.ModelCatalog;
import dev.paceline.transform.engine.ModelGraph;
import dev.paceline.transform.macro.SqlDialect;
import dev.paceline.transform.service.TransformRunner;
import dev.paceline.transform.stats.ActivityHistogramsModel;
import dev.paceline.transform.stats.ActivityPowerCurveModel;
import dev.paceline.transform.stats.ActivityRunBestsModel;
import dev.paceline.transform.stats.ActivityStreamStatsModel;
import dev.paceline.transform.stats.StreamStatsCache;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * transform-service bench: N generated activities (strava-simulator's AthleteGenerator as a library, no HTTP) written
 * straight into a FileLake as raw envelopes + one ingest manifest, a full build of every model on DuckDB, then one
 * more activity and an incremental build. Prints wall times, the slowest models and the peak heap. See README.md.
 */
public final class TransformBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/paceline-transform-bench");
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (true) {
                long used = 0;
                for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (p.getType() == MemoryType.HEAP) {
                        used += p.getUsage().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        AthleteGenerator gen = new AthleteGenerator(42, n + 1, 4);
        List<ActivityPlan> plans = gen.plans();
        long athlete = AthleteGenerator.ATHLETE_ID;
        FileLake lake = new FileLake(dir.resolve("lake"));
        Writer w = new Writer(lake);
        long t0 = System.nanoTime();
        w.put("athlete", athlete, athlete, LakeLayout.athleteSnapshot(athlete, gen.endDate()), gen.athlete(gen.endDate()).toString());
        long samples = 0;
        for (int i = 0; i < n; i++) {
            samples += w.activity(gen, plans.get(i));
        }
        w.manifest();
        System.out.printf(Locale.ROOT, "generated %d activities (%,d samples) into %s in %.1f s%n", n, samples, lake.rootUri(),
                (System.nanoTime() - t0) / 1e9);

        StreamStatsCache cache = new StreamStatsCache();
        List<JavaModel> java = List.of(new ActivityStreamStatsModel(cache), new ActivityPowerCurveModel(cache),
                new ActivityHistogramsModel(cache), new ActivityRunBestsModel(cache));
        ModelGraph graph = ModelCatalog.load("models", TransformBench.class.getClassLoader(), Optional.empty(), java);
        try (DuckDbWarehouse warehouse = new DuckDbWarehouse(dir.resolve("warehouse.duckdb"), lake)) {
            TransformRunner runner = new TransformRunner(lake, warehouse, graph, SqlDialect.of(warehouse.dialect()), java,
                    Json.MAPPER, Clock.systemUTC(), new TransformRunner.Settings(3, Duration.ofMinutes(30), 1000, 1, "bench"));
            peak.set(0);
            RunReport full = timed("full rebuild", runner);
            cache.clear();
            w.activity(gen, plans.get(n));
            w.manifest();
            RunReport incr = timed("+1 activity", runner);
            System.out.printf(Locale.ROOT, "mart rows: activities %s, zone_times %s, power_bests %s, fitness %s, rolling_90d %s%n",
                    count(warehouse, "mart_activities"), count(warehouse, "mart_zone_times"), count(warehouse, "mart_power_bests"),
                    count(warehouse, "mart_fitness"), count(warehouse, "mart_rolling_90d"));
            if (!"succeeded".equals(full.status()) || !"succeeded".equals(incr.status())) {
                System.exit(1);
            }
        }
        System.out.printf(Locale.ROOT, "peak heap used (sampled every 20 ms): %.0f MiB (max heap %.0f MiB)%n", peak.get() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static Object count(DuckDbWarehouse w, String table) {
        return w.query("SELECT COUNT(*) AS n FROM " + table).get(0).get("n");
    }

    private static RunReport timed(String label, TransformRunner runner) {
        long t = System.nanoTime();
        RunReport r = runner.run(runner.newId(), new TransformRunner.Request("bench", null, false, false), x -> { });
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %s in %.1f s (%d manifests, %d objects)%n", label, r.status(), s, r.manifestsLoaded(),
                r.objectsLoaded());
        if (r.error() != null) {
            System.out.println("  error: " + r.error());
        }
        List<ModelResult> models = new ArrayList<>(r.models());
        models.sort((a, b) -> Long.compare(b.durationMs(), a.durationMs()));
        for (ModelResult m : models.subList(0, Math.min(8, models.size()))) {
            System.out.printf(Locale.ROOT, "  %-28s %-11s %6.2f s%n", m.model(), m.mode(), m.durationMs() / 1000.0);
        }
        return r;
    }

    /** Writes raw envelopes and ingest manifests as ingest-service does. */
    private static final class Writer {
        private final Lake lake;
        private final List<IngestManifest.Entry> entries = new ArrayList<>();
        private Instant clock = Instant.parse("2026-11-01T10:00:00Z");
        private int runs;

        Writer(Lake lake) {
            this.lake = lake;
        }

        long activity(AthleteGenerator gen, ActivityPlan plan) {
            long athlete = AthleteGenerator.ATHLETE_ID;
            put("activity", athlete, plan.id(), LakeLayout.activity(athlete, plan.id()), gen.summary(plan).toString());
            Optional<ObjectNode> streams = gen.streamsFor(plan, "distance");
            if (streams.isPresent()) {
                put("streams", athlete, plan.id(), LakeLayout.streams(athlete, plan.id()), streams.get().toString());
                return streams.get().path("time").path("data").size();
            }
            return 0;
        }

        void put(String kind, long athlete, long objectId, String path, String payload) {
            String line = "{\"envelope_version\":1,\"kind\":\"" + kind + "\",\"athlete_id\":" + athlete + ",\"object_id\":" + objectId
                    + ",\"fetched_at\":\"" + clock + "\",\"run_id\":\"" + runId() + "\",\"source\":\"bench\",\"payload_sha256\":\""
                    + sha256(payload) + "\",\"payload\":" + payload + "}\n";
            var info = lake.put(path, line.getBytes(StandardCharsets.UTF_8));
            entries.add(new IngestManifest.Entry(path, kind, athlete, objectId, "created", info.generation(), info.contentHash()));
            clock = clock.plusMillis(1);
        }

        void manifest() {
            String runId = runId();
            IngestManifest m = new IngestManifest(LakeLayout.VERSION, runId, clock.toString(), clock.toString(), "bench",
                    entries.stream().map(IngestManifest.Entry::athleteId).distinct().toList(), List.copyOf(entries));
            lake.put(LakeLayout.ingestManifest(runId), Json.write(m));
            entries.clear();
            runs++;
            clock = clock.plusSeconds(60);
        }

        private String runId() {
            return String.format("20261101T100000Z-%04d", runs);
        }

        private static String sha256(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
