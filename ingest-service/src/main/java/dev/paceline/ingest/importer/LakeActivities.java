package dev.paceline.ingest.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paceline.platform.lake.Lake;
import dev.paceline.platform.lake.ObjectInfo;
import dev.paceline.platform.layout.LakeLayout;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The athlete's activities already in the lake, as far as the import needs them: which came from the Strava API
 * (their metadata wins), and their sport, start and duration for matching a loose file to an API activity.
 */
final class LakeActivities {

    /** A loose file matches an API activity starting within this many seconds… */
    static final long MATCH_START_S = 60;
    /** …whose duration is within this share. */
    static final double MATCH_DURATION_SHARE = 0.05;

    record Known(long id, boolean fromApi, String sportType, Instant start, int elapsedS) {
    }

    private final Map<Long, Known> byId = new HashMap<>();
    private final List<Known> fromApi = new ArrayList<>();

    static LakeActivities read(Lake lake, ObjectMapper json, long athleteId) {
        LakeActivities out = new LakeActivities();
        for (ObjectInfo info : lake.listAll(LakeLayout.athletePrefix(athleteId) + "activities/")) {
            Optional<byte[]> bytes = lake.get(info.path());
            if (bytes.isEmpty()) {
                continue;
            }
            try {
                JsonNode env = json.readTree(bytes.get());
                JsonNode p = env.path("payload");
                if (!p.isObject()) {
                    continue;
                }
                boolean api = !env.path("source").asText("").startsWith(ImportService.SOURCE_PREFIX);
                Instant start = p.hasNonNull("start_date") ? Instant.parse(p.get("start_date").asText()) : null;
                Known k = new Known(env.path("object_id").asLong(), api,
                        p.path("sport_type").asText(p.path("type").asText(null)), start, p.path("elapsed_time").asInt(0));
                out.byId.put(k.id(), k);
                if (api && start != null) {
                    out.fromApi.add(k);
                }
            } catch (IOException | DateTimeParseException e) {
                // an unreadable envelope is the sync's problem, not a match candidate
            }
        }
        return out;
    }

    Optional<Known> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The API activity a loose file's recording duplicates: same sport group, start within 60 s, duration within 5 %. */
    Optional<Known> match(String sportType, Instant start, int elapsedS) {
        Known best = null;
        long bestGap = Long.MAX_VALUE;
        for (Known k : fromApi) {
            long gap = Math.abs(k.start().getEpochSecond() - start.getEpochSecond());
            if (gap > MATCH_START_S) {
                continue;
            }
            if (sportType != null && k.sportType() != null && !sportGroup(sportType).equals(sportGroup(k.sportType()))) {
                continue;
            }
            int longer = Math.max(k.elapsedS(), elapsedS);
            if (longer > 0 && Math.abs(k.elapsedS() - elapsedS) > MATCH_DURATION_SHARE * longer) {
                continue;
            }
            if (gap < bestGap) {
                best = k;
                bestGap = gap;
            }
        }
        return Optional.ofNullable(best);
    }

    void remember(Known k) {
        byId.put(k.id(), k);
    }

    /** ride | run | the type itself: a Ride file matches a VirtualRide or GravelRide upload of the same session. */
    static String sportGroup(String sportType) {
        if (sportType.endsWith("Ride") || sportType.equals("Velomobile") || sportType.equals("Handcycle")) {
            return "ride";
        }
        if (sportType.endsWith("Run")) {
            return "run";
        }
        return sportType;
    }
}
