package dev.paceline.platform.layout;

import java.time.LocalDate;

/**
 * The lake layout, version 1 (docs/data-contracts.md). The only place that spells lake paths: every service builds
 * and parses paths through this class.
 */
public final class LakeLayout {

    /** Version of the layout below; bump with a migration note in docs/data-contracts.md. */
    public static final int VERSION = 1;

    public static final String RAW_STRAVA = "raw/strava/";
    public static final String INGEST_MANIFESTS = "manifests/ingest/";
    public static final String STATE = "state/";
    public static final String SERVING = "serving/";
    public static final String SERVING_BUILDS = "serving/builds/";
    public static final String SERVING_CURRENT = "serving/CURRENT";

    private LakeLayout() {
    }

    /** {@code raw/strava/athlete_id=<A>/} */
    public static String athletePrefix(long athleteId) {
        return RAW_STRAVA + "athlete_id=" + athleteId + "/";
    }

    /** Latest activity payload (summary or detailed) with fetch metadata. */
    public static String activity(long athleteId, long activityId) {
        return athletePrefix(athleteId) + "activities/" + activityId + ".json";
    }

    /** Streams payload (key_by_type=true) with fetch metadata. */
    public static String streams(long athleteId, long activityId) {
        return athletePrefix(athleteId) + "streams/" + activityId + ".json";
    }

    /**
     * An imported activity file kept verbatim (as it was in the archive or folder, gzipped or not), named by the
     * SHA-256 of its bytes and its original extension: re-parsable after a parser fix, never listed in a manifest.
     */
    public static String importedOriginal(long athleteId, String sha256Hex, String extension) {
        if (!sha256Hex.matches("[0-9a-f]{64}") || !extension.matches("[a-z0-9.]{1,16}")) {
            throw new IllegalArgumentException("an imported original is named <sha256 hex>.<extension>, got "
                    + sha256Hex + "." + extension);
        }
        return athletePrefix(athleteId) + "originals/" + sha256Hex + "." + extension;
    }

    /** Athlete profile and zones snapshot of one day. */
    public static String athleteSnapshot(long athleteId, LocalDate fetchedDate) {
        return athletePrefix(athleteId) + "athlete/" + fetchedDate + ".json";
    }

    /** Tombstone of a deleted activity. */
    public static String deletion(long athleteId, long activityId) {
        return athletePrefix(athleteId) + "deletions/" + activityId + ".json";
    }

    /** Deauthorization tombstone of an athlete: its raw data is purged or frozen, and staging drops it. */
    public static String athleteDeauthorization(long athleteId) {
        return athletePrefix(athleteId) + "deauthorized.json";
    }

    /** Manifest of one ingest run, written last. Run ids sort by time (e.g. 20261127T101500Z-ab12cd). */
    public static String ingestManifest(String runId) {
        return INGEST_MANIFESTS + runId + ".json";
    }

    /** State object of a service, e.g. {@code state/ingest/athlete_id=1/cursor.json}. */
    public static String state(String service, String name) {
        return STATE + service + "/" + name;
    }

    /** {@code serving/builds/<build_id>/} */
    public static String buildPrefix(String buildId) {
        return SERVING_BUILDS + buildId + "/";
    }

    /** {@code serving/builds/<build_id>/athlete_id=<A>/<mart>.ndjson.gz} */
    public static String servingPartition(String buildId, long athleteId, String mart) {
        return buildPrefix(buildId) + "athlete_id=" + athleteId + "/" + mart + ".ndjson.gz";
    }

    /** {@code serving/builds/<build_id>/_manifest.json} */
    public static String buildManifest(String buildId) {
        return buildPrefix(buildId) + "_manifest.json";
    }

    /**
     * The athlete id in a path under {@code raw/strava/athlete_id=<A>/} or a serving partition, or -1 when the path
     * has no {@code athlete_id=} segment.
     */
    public static long athleteIdOf(String path) {
        int at = path.indexOf("athlete_id=");
        if (at < 0) {
            return -1;
        }
        int start = at + "athlete_id=".length();
        int end = path.indexOf('/', start);
        try {
            return Long.parseLong(end < 0 ? path.substring(start) : path.substring(start, end));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The numeric id of a {@code .../<id>.json} object (activity, streams, deletion), or -1. */
    public static long objectIdOf(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        int dot = name.indexOf('.');
        try {
            return Long.parseLong(dot < 0 ? name : name.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
