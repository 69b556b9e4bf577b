package dev.paceline.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.contract.ServingManifest;
import dev.paceline.platform.contract.ServingManifest.AthletePartitions;
import dev.paceline.platform.contract.ServingManifest.MartColumn;
import dev.paceline.platform.contract.ServingManifest.Partition;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.layout.LakeLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Writes a serving build (partitions, manifest, then CURRENT) into a lake, as the transform-service does. */
public final class SnapshotWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String buildId;
    private final Map<String, List<MartColumn>> marts = new LinkedHashMap<>();
    private final Map<Long, Map<String, List<Map<String, Object>>>> rows = new TreeMap<>();
    private String asOf = "2026-11-27T10:15:00Z";

    public SnapshotWriter(String buildId) {
        this.buildId = buildId;
    }

    public SnapshotWriter asOf(String asOf) {
        this.asOf = asOf;
        return this;
    }

    /** Declares a mart's columns as "name:TYPE" pairs. */
    public SnapshotWriter mart(String mart, String... columns) {
        List<MartColumn> cols = new ArrayList<>();
        for (String c : columns) {
            String[] p = c.split(":");
            cols.add(new MartColumn(p[0], p[1]));
        }
        marts.put(mart, cols);
        return this;
    }

    /** Adds a row; values in the mart's column order (athlete_id is filled in). */
    public SnapshotWriter row(long athleteId, String mart, Object... values) {
        List<MartColumn> cols = marts.get(mart);
        Map<String, Object> r = new LinkedHashMap<>();
        int v = 0;
        for (MartColumn c : cols) {
            r.put(c.name(), c.name().equals("athlete_id") ? athleteId : values[v++]);
        }
        if (v != values.length) {
            throw new IllegalArgumentException(mart + ": " + values.length + " values for " + v + " columns");
        }
        rows.computeIfAbsent(athleteId, a -> new LinkedHashMap<>()).computeIfAbsent(mart, m -> new ArrayList<>()).add(r);
        return this;
    }

    /** Registers an athlete with no rows yet. */
    public SnapshotWriter athlete(long athleteId) {
        rows.computeIfAbsent(athleteId, a -> new LinkedHashMap<>());
        return this;
    }

    /** Writes partitions, the manifest, then serving/CURRENT. */
    public ServingManifest publish(Lake lake) {
        Map<String, AthletePartitions> athletes = new LinkedHashMap<>();
        for (var a : rows.entrySet()) {
            Map<String, Partition> parts = new LinkedHashMap<>();
            for (String mart : marts.keySet()) {
                List<Map<String, Object>> rs = a.getValue().getOrDefault(mart, List.of());
                byte[] gz = gzipNdjson(rs);
                String path = LakeLayout.servingPartition(buildId, a.getKey(), mart);
                lake.put(path, gz);
                parts.put(mart, new Partition(path, rs.size(), sha256(gz)));
            }
            athletes.put(Long.toString(a.getKey()), new AthletePartitions(buildId, parts));
        }
        ServingManifest m = new ServingManifest(1, buildId, "2026-11-27T10:20:00Z", asOf, "20261127T101500Z-ab12cd",
                marts, athletes);
        try {
            lake.put(LakeLayout.buildManifest(buildId), JSON.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lake.put(LakeLayout.SERVING_CURRENT, (buildId + "\n").getBytes(StandardCharsets.UTF_8));
        return m;
    }

    public static byte[] gzipNdjson(List<Map<String, Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (Map<String, Object> r : rows) {
                gz.write(JSON.writeValueAsBytes(r));
                gz.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
