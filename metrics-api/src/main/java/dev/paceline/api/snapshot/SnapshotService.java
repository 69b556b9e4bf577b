package dev.paceline.api.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.api.problem.NotFoundProblem;
import dev.paceline.api.config.ApiConfig;
import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.contract.ServingManifest.AthletePartitions;
import dev.paceline.platform.contract.ServingManifest.MartColumn;
import dev.paceline.platform.contract.ServingManifest.Partition;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows {@code serving/CURRENT}: loads the build manifest it names and swaps it in atomically. Athlete partitions
 * load lazily through the {@link MartCache}. When the lake is unreachable the current build keeps being served.
 */
@ApplicationScoped
public class SnapshotService {

    /** The newest schema version of docs/marts.md this reader understands. */
    public static final int SCHEMA_VERSION = 1;

    private final Lake lake;
    private final MartCache cache;
    private final ObjectMapper json;
    private final boolean verifyChecksums;
    private final AtomicReference<Build> current = new AtomicReference<>();
    private final AtomicReference<PollStatus> lastPoll = new AtomicReference<>(new PollStatus(null, false, "not polled yet"));
    private final Clock clock = Clock.systemUTC();

    public SnapshotService(Lake lake, MartCache cache, ObjectMapper json, ApiConfig config) {
        this.lake = lake;
        this.cache = cache;
        this.json = json;
        this.verifyChecksums = config.snapshot().verifyChecksums();
    }

    void onStart(@Observes StartupEvent event) {
        poll();
    }

    @Scheduled(every = "${paceline.api.snapshot.poll-interval:30s}", delayed = "${paceline.api.snapshot.poll-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "serving-snapshot-poll")
    void scheduledPoll() {
        poll();
    }

    /**
     * Reads {@code serving/CURRENT} and swaps to the build it names when that differs from the current one.
     *
     * @return true when a new build was swapped in
     */
    public boolean poll() {
        Instant now = clock.instant();
        try {
            String id = lake.get(LakeLayout.SERVING_CURRENT)
                    .map(b -> new String(b, StandardCharsets.UTF_8).trim())
                    .orElse(null);
            if (id == null || id.isEmpty()) {
                lastPoll.set(new PollStatus(now, false, LakeLayout.SERVING_CURRENT + " not found in " + lake.rootUri()
                        + ": no build published yet (the transform-service publishes one)"));
                return false;
            }
            Build have = current.get();
            if (have != null && have.id().equals(id)) {
                lastPoll.set(new PollStatus(now, true, null));
                return false;
            }
            ServingManifest manifest = readManifest(id);
            Build next = new Build(manifest, now);
            current.set(next);
            lastPoll.set(new PollStatus(now, true, null));
            Log.infof("serving build %s (as of %s, %d athletes)%s", id, manifest.asOf(),
                    manifest.athletes() == null ? 0 : manifest.athletes().size(),
                    have == null ? "" : ", replacing " + have.id());
            return true;
        } catch (RuntimeException e) {
            // lake outage or a bad build: keep serving what we have
            lastPoll.set(new PollStatus(now, false, e.getMessage()));
            Build have = current.get();
            Log.warnf("serving snapshot poll failed (%s); %s", e.getMessage(),
                    have == null ? "no build to serve yet" : "still serving build " + have.id());
            return false;
        }
    }

    private ServingManifest readManifest(String id) {
        String path = LakeLayout.buildManifest(id);
        byte[] bytes = lake.get(path).orElseThrow(() -> new SnapshotException(
                LakeLayout.SERVING_CURRENT + " names build " + id + " but " + path + " does not exist"));
        ServingManifest m;
        try {
            m = json.readValue(bytes, ServingManifest.class);
        } catch (java.io.IOException e) {
            throw new SnapshotException(path + " is not a valid serving manifest: " + e.getMessage(), e);
        }
        if (m.schemaVersion() > SCHEMA_VERSION) {
            throw new SnapshotException(path + " has schema_version " + m.schemaVersion() + " but this metrics-api reads "
                    + SCHEMA_VERSION + ": deploy a newer metrics-api");
        }
        if (!id.equals(m.buildId())) {
            throw new SnapshotException(path + " has build_id " + m.buildId() + ", expected " + id);
        }
        if (m.marts() == null || m.athletes() == null) {
            throw new SnapshotException(path + " lacks 'marts' or 'athletes'");
        }
        return m;
    }

    /** The build in force; a request keeps it for its whole life. */
    public Build current() {
        Build b = current.get();
        if (b == null) {
            throw new SnapshotException("no serving build loaded yet: " + lastPoll.get().error());
        }
        return b;
    }

    public boolean ready() {
        return current.get() != null;
    }

    public PollStatus lastPoll() {
        return lastPoll.get();
    }

    /** Throws 404 when the build has no such athlete. */
    public void requireAthlete(Build build, long athleteId) {
        if (!build.hasAthlete(athleteId)) {
            throw new NotFoundProblem("athlete " + athleteId + " is not in build " + build.id()
                    + " (or this API key may not read it)");
        }
    }

    /**
     * The marts of one athlete in {@code build} if every one is in memory (a lookup that never touches the lake, so
     * it may run on an event-loop thread), else null: then call {@link #load} on a worker thread.
     */
    public AthleteMarts inMemory(Build build, long athleteId, List<String> marts) {
        requireAthlete(build, athleteId);
        Map<String, LoadedMart> found = new HashMap<>(marts.size() * 2);
        for (String mart : marts) {
            Source s = source(build, athleteId, mart);
            LoadedMart loaded = cache.peek(s.key());
            if (loaded == null) {
                return null;
            }
            found.put(mart, loaded);
        }
        return new AthleteMarts(athleteId, found);
    }

    /** The marts of one athlete in {@code build}, loading those not in memory from the lake (blocking). */
    public AthleteMarts load(Build build, long athleteId, List<String> marts) {
        Map<String, LoadedMart> found = new HashMap<>(marts.size() * 2);
        for (String mart : marts) {
            found.put(mart, mart(build, athleteId, mart));
        }
        return new AthleteMarts(athleteId, found);
    }

    /** One mart of one athlete in {@code build}, loaded on first use (blocking: not on an event-loop thread). */
    public LoadedMart mart(Build build, long athleteId, String mart) {
        requireAthlete(build, athleteId);
        Source s = source(build, athleteId, mart);
        LoadedMart loaded = cache.peek(s.key());
        if (loaded != null) {
            return loaded;
        }
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException("partition " + s.key() + " would be read from the lake on an event-loop "
                    + "thread: callers check inMemory(...) first and load on a worker thread");
        }
        if (s.partition() == null) {
            // an athlete without rows in this mart
            return cache.get(s.key(), () -> MartReader.read(mart, "(none)", emptyGzip(), s.columns(), 0, List.of()));
        }
        return cache.get(s.key(), () -> load(mart, s.partition(), s.columns()));
    }

    /** Where one athlete's mart comes from: its partition (null: no rows) and the cache key. */
    private record Source(String key, Partition partition, List<MartColumn> columns) {
    }

    private static Source source(Build build, long athleteId, String mart) {
        ServingManifest m = build.manifest();
        List<MartColumn> columns = m.marts().get(mart);
        if (columns == null) {
            throw new SnapshotException("build " + build.id() + " does not export " + mart
                    + ": the transform-service must publish every mart of docs/marts.md");
        }
        AthletePartitions ap = m.athletes().get(Long.toString(athleteId));
        Partition partition = ap.partitions() == null ? null : ap.partitions().get(mart);
        String key = partition == null ? "empty:" + mart + ":" + columns.hashCode() : partition.path() + "#" + partition.sha256();
        return new Source(key, partition, columns);
    }

    private MartTable load(String mart, Partition p, List<MartColumn> columns) {
        long started = System.nanoTime();
        byte[] bytes = lake.get(p.path()).orElseThrow(() -> new SnapshotException(
                "partition " + p.path() + " named by the serving manifest is missing from " + lake.rootUri()));
        if (verifyChecksums && p.sha256() != null && !p.sha256().isEmpty()) {
            String actual = sha256(bytes);
            if (!actual.equalsIgnoreCase(p.sha256())) {
                throw new SnapshotException("partition " + p.path() + " has SHA-256 " + actual + " but the manifest says "
                        + p.sha256() + ": the object is corrupt or was overwritten");
            }
        }
        MartTable table = MartReader.read(mart, p.path(), bytes, columns, p.rows(), Marts.sortKey(mart));
        Log.debugf("loaded %s: %d rows, %d bytes compressed, ~%d bytes in memory, in %d ms", p.path(), table.rows(),
                bytes.length, table.estimatedBytes(), (System.nanoTime() - started) / 1_000_000);
        return table;
    }

    private static byte[] emptyGzip() {
        try (var out = new java.io.ByteArrayOutputStream(); var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.finish();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Outcome of the last poll of serving/CURRENT. */
    public record PollStatus(Instant at, boolean ok, String error) {
    }
}
