package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.data.AthleteGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Serves the real payloads found in a folder:
 * {@code DIR/activities/<id>.json} (SummaryActivity or DetailedActivity), {@code DIR/streams/<id>.json} (either
 * streams form), optional {@code DIR/athlete.json} and {@code DIR/zones.json}. Activity files are read once at
 * start-up; stream files on each request.
 */
public final class RecordingsCatalog implements ActivityCatalog {

    private final Path dir;
    private final ObjectMapper mapper;
    private final Map<Long, ObjectNode> activities = new HashMap<>();
    private final List<Entry> entries;
    private final ObjectNode athlete;
    private final ObjectNode zones;
    private final long athleteId;

    public RecordingsCatalog(Path dir, ObjectMapper mapper) {
        this.dir = dir;
        this.mapper = mapper;
        Path activitiesDir = dir.resolve("activities");
        if (!Files.isDirectory(activitiesDir)) {
            throw new IllegalStateException("simulator.recordings=" + dir + ": folder " + activitiesDir
                    + " not found; put one DIR/activities/<id>.json per activity (see the simulator README)");
        }
        List<Entry> list = new ArrayList<>();
        try (Stream<Path> files = Files.list(activitiesDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                ObjectNode a = readObject(f);
                long id = a.path("id").asLong(idFromName(f));
                if (id <= 0) {
                    throw new IllegalStateException(f + ": no numeric \"id\" and the file name is not <id>.json");
                }
                a.put("id", id);
                String start = a.path("start_date").asText(null);
                if (start == null) {
                    throw new IllegalStateException(f + ": \"start_date\" is missing; the list endpoint filters on it");
                }
                long epoch;
                try {
                    epoch = Instant.parse(start).getEpochSecond();
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(f + ": start_date \"" + start + "\" is not ISO-8601 UTC", e);
                }
                activities.put(id, a);
                list.add(new Entry(id, epoch, a.path("private").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + activitiesDir, e);
        }
        list.sort(Comparator.comparingLong(Entry::startEpoch).thenComparingLong(Entry::id));
        this.entries = List.copyOf(list);
        Path athleteFile = dir.resolve("athlete.json");
        Path zonesFile = dir.resolve("zones.json");
        long ownerFromActivities = activities.values().stream().map(a -> a.path("athlete").path("id").asLong(0))
                .filter(v -> v > 0).findFirst().orElse(AthleteGenerator.ATHLETE_ID);
        this.athlete = Files.exists(athleteFile) ? readObject(athleteFile) : null;
        this.athleteId = athlete != null ? athlete.path("id").asLong(ownerFromActivities) : ownerFromActivities;
        this.zones = Files.exists(zonesFile) ? readObject(zonesFile) : null;
    }

    private ObjectNode readObject(Path f) {
        try {
            JsonNode n = mapper.readTree(f.toFile());
            if (!(n instanceof ObjectNode o)) {
                throw new IllegalStateException(f + ": expected a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new IllegalStateException(f + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    private static long idFromName(Path f) {
        String n = f.getFileName().toString();
        try {
            return Long.parseLong(n.substring(0, n.length() - ".json".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String describe() {
        return "recordings in " + dir + " (" + entries.size() + " activities)";
    }

    @Override
    public long athleteId() {
        return athleteId;
    }

    @Override
    public List<Entry> entries() {
        return entries;
    }

    @Override
    public Optional<ObjectNode> summary(long id) {
        ObjectNode a = activities.get(id);
        if (a == null) {
            return Optional.empty();
        }
        ObjectNode s = a.deepCopy();
        // a SummaryActivity carries none of the detailed-only fields
        for (String f : new String[]{"laps", "splits_metric", "splits_standard", "best_efforts", "segment_efforts",
                "gear", "photos", "description", "calories", "device_name", "embed_token", "similar_activities",
                "stats_visibility", "hide_from_home", "available_zones", "perceived_exertion",
                "prefer_perceived_exertion"}) {
            s.remove(f);
        }
        if (s.path("resource_state").asInt(2) > 2) {
            s.put("resource_state", 2);
        }
        return Optional.of(s);
    }

    @Override
    public Optional<ObjectNode> detail(long id) {
        ObjectNode a = activities.get(id);
        return a == null ? Optional.empty() : Optional.of(a.deepCopy());
    }

    @Override
    public Optional<ObjectNode> streams(long id, String seriesType) {
        Path f = dir.resolve("streams").resolve(id + ".json");
        if (!activities.containsKey(id) || !Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StreamForms.toKeyByType(mapper.readTree(f.toFile()), seriesType));
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": not valid JSON", e);
        }
    }

    @Override
    public ObjectNode athlete(LocalDate today) {
        if (athlete != null) {
            return athlete.deepCopy();
        }
        ObjectNode a = mapper.createObjectNode();
        a.put("id", athleteId);
        a.put("resource_state", 2);
        a.put("firstname", "Recorded");
        a.put("lastname", "Athlete");
        return a;
    }

    @Override
    public ObjectNode zones(LocalDate today) {
        if (zones != null) {
            return zones.deepCopy();
        }
        ObjectNode z = mapper.createObjectNode();
        ObjectNode hr = z.putObject("heart_rate");
        hr.put("custom_zones", false);
        hr.putArray("zones");
        return z;
    }
}
