package dev.paceline.transform.stats;

import dev.paceline.platform.lake.Lake;
import dev.paceline.stats.ActivityStats;
import dev.paceline.transform.JavaModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Base of the Java models that turn one activity's {@link ActivityStats} into rows. Statistics are computed in
 * parallel in chunks (pure functions), rows are emitted in activity order from the calling thread.
 */
abstract class StreamStatsModel implements JavaModel {

    private static final int CHUNK = 256;

    private final StreamStatsCache cache;

    StreamStatsModel(StreamStatsCache cache) {
        this.cache = cache;
    }

    /** Emits the rows of one activity. */
    abstract void rows(ActivityRef ref, ActivityStats stats, Consumer<Map<String, Object>> rows);

    @Override
    public void compute(Lake lake, List<ActivityRef> activities, Consumer<Map<String, Object>> rows) {
        for (int from = 0; from < activities.size(); from += CHUNK) {
            List<ActivityRef> chunk = activities.subList(from, Math.min(activities.size(), from + CHUNK));
            List<Optional<ActivityStats>> stats = chunk.parallelStream().map(ref -> cache.stats(lake, ref)).toList();
            for (int i = 0; i < chunk.size(); i++) {
                ActivityRef ref = chunk.get(i);
                stats.get(i).ifPresent(s -> rows(ref, s, rows));
            }
        }
    }

    static Map<String, Object> row(ActivityRef ref) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("athlete_id", ref.athleteId());
        row.put("activity_id", ref.activityId());
        return row;
    }

    static List<String> key(String... extra) {
        List<String> k = new ArrayList<>(List.of("athlete_id", "activity_id"));
        k.addAll(List.of(extra));
        return k;
    }
}
