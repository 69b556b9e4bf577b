package dev.paceline.transform.service;

import dev.paceline.transform.RunReport;
import dev.paceline.transform.config.TransformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runs of this process, newest first, bounded by {@code paceline.transform.run-history}. */
@ApplicationScoped
public class RunRegistry {

    private final int capacity;
    private final Map<String, RunReport> runs = new LinkedHashMap<>();

    public RunRegistry(TransformConfig config) {
        this.capacity = Math.max(1, config.runHistory());
    }

    synchronized void started(String id, TransformRunner.Request request) {
        update(new RunReport(id, request.trigger(), request.selection(), request.fullRefresh(), "queued",
                Instant.now().toString(), null, 0, 0, List.of(), List.of(), null, null));
    }

    synchronized RunReport failed(String id, String error) {
        RunReport old = runs.get(id);
        return new RunReport(id, old == null ? "?" : old.trigger(), old == null ? null : old.selection(),
                old != null && old.fullRefresh(), "failed", old == null ? Instant.now().toString() : old.startedAt(),
                Instant.now().toString(), 0, 0, List.of(), List.of(), null, error);
    }

    synchronized void update(RunReport report) {
        runs.put(report.id(), report);
        while (runs.size() > capacity) {
            String oldest = runs.keySet().stream().min(Comparator.naturalOrder()).orElseThrow();
            runs.remove(oldest);
        }
    }

    public synchronized Optional<RunReport> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    public synchronized List<RunReport> all() {
        List<RunReport> list = new ArrayList<>(runs.values());
        list.sort(Comparator.comparing(RunReport::id).reversed());
        return list;
    }
}
