package dev.paceline.api.support;

import java.util.HashMap;
import java.util.Map;

/** {@link SnapshotLakeResource} with a memory budget that holds only a few partitions, so the LRU must evict. */
public class SmallCacheLakeResource extends SnapshotLakeResource {

    public static final long BUDGET = 12_000;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("paceline.api.cache.max-bytes", Long.toString(BUDGET));
        return config;
    }
}
