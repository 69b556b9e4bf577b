package dev.paceline.simulator.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Counts the Strava calls the simulator answered, so tests and benchmarks can assert request budgets: per route
 * (ids replaced by {@code {id}}), per 15-minute window, per status, and the 429s sent.
 */
@ApplicationScoped
public class CallCounters {

    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");

    private final Map<String, Integer> perRoute = new TreeMap<>();
    private final Map<String, Integer> perWindow = new TreeMap<>();
    private final Map<Integer, Integer> perStatus = new TreeMap<>();
    private int total;

    /** The route of a path: {@code /api/v3/activities/123/streams} → {@code /api/v3/activities/{id}/streams}. */
    public static String route(String path) {
        return NUMBER.matcher(path).replaceAll("/{id}");
    }

    public synchronized void record(String method, String path, int status, long epochSecond) {
        total++;
        perRoute.merge(method + " " + route(path), 1, Integer::sum);
        perWindow.merge(Instant.ofEpochSecond(epochSecond / 900 * 900).toString(), 1, Integer::sum);
        perStatus.merge(status, 1, Integer::sum);
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(total, new TreeMap<>(perRoute), new TreeMap<>(perWindow), new TreeMap<>(perStatus),
                perStatus.getOrDefault(429, 0));
    }

    public synchronized void reset() {
        total = 0;
        perRoute.clear();
        perWindow.clear();
        perStatus.clear();
    }

    /** The counters at one moment. */
    public record Snapshot(int total, Map<String, Integer> perRoute, Map<String, Integer> perWindow,
                           Map<Integer, Integer> perStatus, int tooManyRequests) {
    }
}
