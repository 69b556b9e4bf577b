package dev.paceline.transform.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.lake.PutCondition;
import dev.paceline.platform.layout.LakeLayout;
import dev.paceline.platform.warehouse.Column;
import dev.paceline.platform.warehouse.ExportResult;
import dev.paceline.platform.warehouse.TableSchema;
import dev.paceline.platform.warehouse.Warehouse;
import dev.paceline.transform.Model;
import dev.paceline.transform.RunCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Publishes a serving snapshot after a green build: exports every {@code serve=true} mart per touched athlete to
 * {@code serving/builds/<build>/athlete_id=<A>/<mart>.ndjson.gz}, writes the build's {@code _manifest.json} (untouched
 * athletes keep their older partitions), then {@code serving/CURRENT} last; a reader following CURRENT therefore only
 * ever sees complete builds. Keeps the newest K builds and every build they still reference.
 */
public final class SnapshotPublisher {

    private static final Logger LOG = Logger.getLogger(SnapshotPublisher.class);

    private final Lake lake;
    private final Warehouse warehouse;
    private final ObjectMapper json;

    public SnapshotPublisher(Lake lake, Warehouse warehouse, ObjectMapper json) {
        this.lake = lake;
        this.warehouse = warehouse;
        this.json = json;
    }

    /** The live build's manifest, or empty when nothing was published yet. */
    public Optional<ServingManifest> current() {
        Optional<byte[]> pointer = lake.get(LakeLayout.SERVING_CURRENT);
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        String buildId = new String(pointer.get(), StandardCharsets.UTF_8).strip();
        byte[] manifest = lake.get(LakeLayout.buildManifest(buildId)).orElseThrow(() -> new IllegalStateException(
                LakeLayout.SERVING_CURRENT + " names build " + buildId + " but its manifest is missing"));
        try {
            return Optional.of(json.readValue(manifest, ServingManifest.class));
        } catch (IOException e) {
            throw new IllegalStateException("serving manifest of build " + buildId + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Publishes with nobody held back, no lease fence and no checkpoint (tests of the snapshot itself). */
    public ServingManifest publish(String buildId, List<Model> marts, Set<Long> touched, int schemaVersion,
            String lastIngestRunId, String asOf) {
        return publish(buildId, marts, touched, Set.of(), schemaVersion, lastIngestRunId, asOf, () -> { }, RunCheckpoint.NONE);
    }

    /**
     * @param buildId new build id (sortable)
     * @param marts served marts (already built)
     * @param touched athletes whose data changed; null = every athlete (full refresh or first build)
     * @param held athletes whose rows fail a data test: they keep their partitions of the live build (or stay out)
     * @param schemaVersion mart schema version
     * @param lastIngestRunId newest manifest consumed
     * @param asOf newest raw object time
     * @param fence called right before the manifest and before {@code serving/CURRENT} are written; throws when the
     *              run may no longer commit (its lease was lost), and then nothing of this build becomes visible
     * @param checkpoint told between the build manifest and {@code serving/CURRENT} ({@code publish})
     * @return the manifest written
     */
    public ServingManifest publish(String buildId, List<Model> marts, Set<Long> touched, Set<Long> held, int schemaVersion,
            String lastIngestRunId, String asOf, Runnable fence, RunCheckpoint checkpoint) {
        Optional<ServingManifest> previous = current();
        Map<String, List<ServingManifest.MartColumn>> martColumns = new TreeMap<>();
        for (Model mart : marts) {
            TableSchema schema = warehouse.describe(mart.name()).orElseThrow(() -> new IllegalStateException(
                    "served mart " + mart.name() + " is not in the warehouse"));
            List<ServingManifest.MartColumn> cols = new ArrayList<>();
            for (Column c : schema.columns()) {
                cols.add(new ServingManifest.MartColumn(c.name(), c.repeated() ? "ARRAY<" + c.type().bigQueryType() + ">"
                        : c.type().bigQueryType()));
            }
            martColumns.put(mart.name(), cols);
        }
        Map<String, ServingManifest.AthletePartitions> athletes = new TreeMap<>();
        Set<Long> export = new TreeSet<>();
        boolean sameMarts = previous.isPresent() && previous.get().marts().equals(martColumns);
        if (!held.isEmpty() && previous.isPresent() && !sameMarts) {
            throw new IllegalStateException("athletes " + held + " fail data tests and would be held at their last good build, "
                    + "but the served marts' columns changed since that build, so it cannot be reused; fix the failing rows "
                    + "(see the failed tests) and run again");
        }
        if (touched == null || !sameMarts) {
            for (Model mart : marts) {
                for (Map<String, Object> row : warehouse.query("SELECT DISTINCT athlete_id FROM " + warehouse.qualify(mart.name()))) {
                    export.add(((Number) row.get("athlete_id")).longValue());
                }
            }
            if (previous.isPresent()) {
                previous.get().athletes().keySet().forEach(a -> export.add(Long.parseLong(a)));
            }
        } else {
            export.addAll(touched);
            previous.get().athletes().forEach((athlete, partitions) -> {
                if (!touched.contains(Long.parseLong(athlete))) {
                    athletes.put(athlete, partitions);
                }
            });
        }
        export.removeAll(held);
        // A held athlete keeps what the live build serves for them (possibly partitions of an older build).
        previous.ifPresent(p -> held.forEach(a -> {
            ServingManifest.AthletePartitions last = p.athletes().get(Long.toString(a));
            if (last != null) {
                athletes.put(Long.toString(a), last);
            }
        }));
        for (long athlete : export) {
            Map<String, ServingManifest.Partition> partitions = new TreeMap<>();
            long rows = 0;
            for (Model mart : marts) {
                String path = LakeLayout.servingPartition(buildId, athlete, mart.name());
                String order = mart.uniqueKey().isEmpty() ? "" : " ORDER BY " + String.join(", ", mart.uniqueKey());
                ExportResult result = warehouse.export("SELECT * FROM " + warehouse.qualify(mart.name())
                        + " WHERE athlete_id = @athlete_id" + order, Map.of("athlete_id", athlete), path);
                byte[] bytes = lake.get(path).orElseThrow(() -> new IllegalStateException("export did not write " + path));
                partitions.put(mart.name(), new ServingManifest.Partition(path, result.rows(), sha256(bytes)));
                rows += result.rows();
            }
            if (rows > 0) {
                athletes.put(Long.toString(athlete), new ServingManifest.AthletePartitions(buildId, partitions));
            } else {
                partitions.values().forEach(p -> lake.delete(p.path()));
            }
        }
        ServingManifest manifest = new ServingManifest(schemaVersion, buildId, Instant.now().toString(), asOf,
                lastIngestRunId, martColumns, athletes);
        fence.run();
        try {
            lake.put(LakeLayout.buildManifest(buildId), json.writeValueAsBytes(manifest), PutCondition.ifAbsent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the serving manifest: " + e.getMessage(), e);
        }
        checkpoint.reached(RunCheckpoint.PUBLISH);
        fence.run();
        lake.put(LakeLayout.SERVING_CURRENT, buildId.getBytes(StandardCharsets.UTF_8));
        LOG.infof("published serving build %s: %d athletes (%d exported), %d marts", buildId, athletes.size(), export.size(),
                marts.size());
        return manifest;
    }

    /**
     * Deletes the partitions of {@code athletes} (forgotten: deauthorized) from every build but {@code live}, so that
     * no retained build still holds them once the live one dropped them. Those builds' manifests then name missing
     * partitions; no reader follows them, since only the live build is served.
     *
     * @return partition objects deleted
     */
    public int forget(Set<Long> athletes, String live) {
        if (athletes.isEmpty()) {
            return 0;
        }
        int deleted = 0;
        for (String build : builds()) {
            if (build.equals(live)) {
                continue;
            }
            for (long athlete : athletes) {
                for (ObjectInfo info : lake.listAll(LakeLayout.buildPrefix(build) + "athlete_id=" + athlete + "/")) {
                    lake.delete(info.path());
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            LOG.infof("deleted %d serving partitions of forgotten athletes %s from older builds", deleted, athletes);
        }
        return deleted;
    }

    private TreeSet<String> builds() {
        TreeSet<String> builds = new TreeSet<>();
        for (ObjectInfo info : lake.listAll(LakeLayout.SERVING_BUILDS)) {
            String rest = info.path().substring(LakeLayout.SERVING_BUILDS.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                builds.add(rest.substring(0, slash));
            }
        }
        return builds;
    }

    /** Deletes builds beyond the newest {@code keep}, except builds whose partitions a kept build reuses. */
    public List<String> prune(int keep) {
        TreeSet<String> builds = builds();
        List<String> newestFirst = new ArrayList<>(builds.descendingSet());
        Set<String> kept = new TreeSet<>();
        String live = lake.get(LakeLayout.SERVING_CURRENT).map(b -> new String(b, StandardCharsets.UTF_8).strip()).orElse(null);
        for (int i = 0; i < newestFirst.size(); i++) {
            String build = newestFirst.get(i);
            if (i < Math.max(1, keep) || build.equals(live)) {
                kept.add(build);
                lake.get(LakeLayout.buildManifest(build)).ifPresent(bytes -> {
                    try {
                        ServingManifest m = json.readValue(bytes, ServingManifest.class);
                        m.athletes().values().forEach(p -> kept.add(p.builtIn()));
                    } catch (IOException e) {
                        LOG.warnf("serving manifest of build %s is unreadable; keeping only the build itself", build);
                    }
                });
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String build : newestFirst) {
            if (!kept.contains(build)) {
                // Manifest first: a half-deleted build is then visibly incomplete, never mistaken for a live one.
                lake.delete(LakeLayout.buildManifest(build));
                for (ObjectInfo info : lake.listAll(LakeLayout.buildPrefix(build))) {
                    lake.delete(info.path());
                }
                deleted.add(build);
            }
        }
        return deleted;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
