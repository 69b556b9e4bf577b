package dev.paceline.ingest.service;

import dev.paceline.platform.contract.IngestManifest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One ingest run: its id, trigger, and the manifest entries of every object it wrote, changed or deleted. */
public final class IngestRun {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String trigger;
    private final Instant startedAt;
    private final Map<String, IngestManifest.Entry> entries = new LinkedHashMap<>();
    private final Set<Long> athletes = new TreeSet<>();
    private long requests;
    private final List<String> failures = new ArrayList<>();

    public IngestRun(String trigger, Instant startedAt) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        this.id = ID_TIME.format(startedAt) + "-" + HexFormat.of().formatHex(suffix);
        this.trigger = trigger;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public String trigger() {
        return trigger;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Records an entry; a later entry for the same path replaces the earlier one (keeping "created" if it was). */
    public synchronized void record(IngestManifest.Entry entry) {
        IngestManifest.Entry previous = entries.get(entry.path());
        if (previous != null && "created".equals(previous.change()) && "updated".equals(entry.change())) {
            entry = new IngestManifest.Entry(entry.path(), entry.kind(), entry.athleteId(), entry.objectId(), "created",
                    entry.generation(), entry.contentHash());
        }
        entries.put(entry.path(), entry);
        athletes.add(entry.athleteId());
    }

    public synchronized List<IngestManifest.Entry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized List<Long> athleteIds() {
        return List.copyOf(athletes);
    }

    public synchronized void failure(String message) {
        failures.add(message);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized void countRequest() {
        requests++;
    }

    public synchronized long requests() {
        return requests;
    }
}
