package dev.paceline.transform.stats;

import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.stats.ActivityStats;
import dev.paceline.stats.Options;
import dev.paceline.stats.StreamFormatException;
import dev.paceline.stats.StreamSet;
import dev.paceline.transform.JavaModel.ActivityRef;
import dev.paceline.transform.ModelException;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads each activity's streams once per build for all the stream-statistics Java models: the four models
 * ({@code int_activity_stream_stats}, {@code int_activity_power_curve}, {@code int_activity_histograms},
 * {@code int_activity_run_bests}) run one after the other over the same changed activities, so the
 * {@link ActivityStats} of an activity is computed by the first and reused by the others.
 *
 * <p>Entries are keyed by the streams object's path and generation (a re-fetched stream has a new generation, so a
 * stale entry is never used) and the cache is bounded ({@value #MAX_ENTRIES} activities, least recently used out),
 * so memory stays flat whatever the number of activities. The statistics are computed without FTP or heart-rate
 * settings: IF, TSS and hrTSS depend on thresholds that change over time and are computed in SQL from the kept
 * sufficient statistics (NP and its seconds, average HR and its minutes).
 */
@Singleton
public class StreamStatsCache {

    /** Activities kept; a full build reads every activity once per model when there are more. */
    static final int MAX_ENTRIES = 4096;

    private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    private record Entry(long generation, String contentHash, ActivityStats stats) {
    }

    /** The statistics of an activity's streams, or empty when it has no streams object or no time stream. */
    public Optional<ActivityStats> stats(Lake lake, ActivityRef ref) {
        Optional<ObjectInfo> info = lake.stat(ref.streamsPath());
        if (info.isEmpty()) {
            return Optional.empty();
        }
        ObjectInfo o = info.get();
        synchronized (entries) {
            Entry e = entries.get(ref.streamsPath());
            if (e != null && e.generation() == o.generation() && java.util.Objects.equals(e.contentHash(), o.contentHash())) {
                return Optional.ofNullable(e.stats());
            }
        }
        Optional<byte[]> bytes = lake.get(ref.streamsPath());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        ActivityStats stats;
        try {
            StreamSet streams = StreamSet.parse(bytes.get());
            stats = streams.size() == 0 ? null : ActivityStats.compute(streams, Options.defaults());
        } catch (StreamFormatException e) {
            throw new ModelException("streams of activity " + ref.activityId() + " (athlete " + ref.athleteId() + ") at "
                    + ref.streamsPath() + " cannot be read: " + e.getMessage()
                    + "; re-fetch the activity's streams (ingest) or delete the object", e);
        } catch (IllegalArgumentException e) {
            throw new ModelException("streams of activity " + ref.activityId() + " (athlete " + ref.athleteId() + ") at "
                    + ref.streamsPath() + " are not usable: " + e.getMessage(), e);
        }
        synchronized (entries) {
            entries.put(ref.streamsPath(), new Entry(o.generation(), o.contentHash(), stats));
        }
        return Optional.ofNullable(stats);
    }

    /** Drops every entry (tests, or to release memory after a build). */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
