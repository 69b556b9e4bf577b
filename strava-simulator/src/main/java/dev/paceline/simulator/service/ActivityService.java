package dev.paceline.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.data.ActivityPlan;
import dev.paceline.simulator.data.AthleteGenerator;
import dev.paceline.simulator.data.StravaJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The athlete's activities as the API serves them: the catalog (generated or recorded) plus what the admin API
 * changed at runtime (created, renamed, retyped, made private, deleted), each change sending its webhook event.
 */
@ApplicationScoped
public class ActivityService {

    /** A page of the list endpoint. */
    public record Page(List<ObjectNode> items) {
    }

    /** Runtime changes to one activity. */
    private record Overrides(String name, String sportType, Boolean isPrivate) {
    }

    private final ActivityCatalog catalog;
    private final AthleteGenerator customGenerator;
    private final WebhookService webhooks;
    private final SimClock clock;
    private final Map<Long, ActivityPlan> created = new ConcurrentHashMap<>();
    private final Map<Long, Overrides> overrides = new ConcurrentHashMap<>();
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    private volatile List<ActivityCatalog.Entry> entries;

    public ActivityService(ActivityCatalog catalog, WebhookService webhooks, SimClock clock) {
        this.catalog = catalog;
        this.webhooks = webhooks;
        this.clock = clock;
        this.customGenerator = catalog instanceof GeneratedCatalog g ? g.generator()
                : new AthleteGenerator(7, 0, 1);
        this.entries = catalog.entries();
    }

    public ActivityCatalog catalog() {
        return catalog;
    }

    public long athleteId() {
        return catalog.athleteId();
    }

    public LocalDate today() {
        return clock.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * {@code GET /athlete/activities}: activities started before {@code before} and after {@code after} (epoch
     * seconds), newest first, or oldest first when {@code after} is given (as Strava does).
     */
    public Page list(Long before, Long after, int page, int perPage, boolean includePrivate) {
        List<ActivityCatalog.Entry> matching = new ArrayList<>();
        for (ActivityCatalog.Entry e : entries) {
            if ((before == null || e.startEpoch() < before) && (after == null || e.startEpoch() > after)
                    && (includePrivate || !isPrivate(e))) {
                matching.add(e);
            }
        }
        if (after == null) {
            java.util.Collections.reverse(matching);
        }
        long from = (long) (page - 1) * perPage;
        List<ObjectNode> items = new ArrayList<>();
        for (long i = from; i < Math.min(matching.size(), from + perPage); i++) {
            summary(matching.get((int) i).id()).ifPresent(items::add);
        }
        return new Page(items);
    }

    private boolean isPrivate(ActivityCatalog.Entry e) {
        Overrides o = overrides.get(e.id());
        return o != null && o.isPrivate() != null ? o.isPrivate() : e.isPrivate();
    }

    public Optional<ObjectNode> summary(long id) {
        if (deleted.contains(id)) {
            return Optional.empty();
        }
        ActivityPlan plan = created.get(id);
        Optional<ObjectNode> base = plan != null ? Optional.of(customGenerator.summary(plan)) : catalog.summary(id);
        return base.map(o -> apply(id, o));
    }

    /** {@code GET /activities/{id}}; private activities only with {@code activity:read_all}. */
    public Optional<ObjectNode> detail(long id, boolean includePrivate) {
        if (deleted.contains(id)) {
            return Optional.empty();
        }
        ActivityPlan plan = created.get(id);
        Optional<ObjectNode> base = plan != null ? Optional.of(customGenerator.detail(plan)) : catalog.detail(id);
        return base.map(o -> apply(id, o)).filter(o -> includePrivate || !o.path("private").asBoolean(false));
    }

    /**
     * {@code GET /activities/{id}/streams}: all streams in the key_by_type form; empty when the activity is
     * unknown, hidden or has no streams (manual).
     */
    public Optional<ObjectNode> streams(long id, boolean includePrivate, String seriesType) {
        Optional<ObjectNode> summary = summary(id);
        if (summary.isEmpty() || (!includePrivate && summary.get().path("private").asBoolean(false))
                || summary.get().path("manual").asBoolean(false)) {
            return Optional.empty();
        }
        ActivityPlan plan = created.get(id);
        if (plan != null) {
            return customGenerator.streamsFor(plan, seriesType);
        }
        return catalog.streams(id, seriesType);
    }

    public ObjectNode athlete() {
        return catalog.athlete(today());
    }

    public ObjectNode zones() {
        return catalog.zones(today());
    }

    /** The athlete as embedded in a token answer (SummaryAthlete). */
    public ObjectNode athleteSummary() {
        ObjectNode full = athlete();
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        for (String f : new String[]{"id", "username", "resource_state", "firstname", "lastname", "bio", "city",
                "state", "country", "sex", "premium", "summit", "created_at", "updated_at", "badge_type_id",
                "weight", "profile_medium", "profile", "friend", "follower"}) {
            if (full.has(f)) {
                s.set(f, full.get(f));
            }
        }
        s.put("resource_state", 2);
        return s;
    }

    // ---------------------------------------------------------------- admin changes

    /** Forgets every runtime change (no events are sent). */
    public synchronized void reset() {
        created.clear();
        overrides.clear();
        deleted.clear();
        entries = catalog.entries();
    }

    /** Creates an activity and sends the {@code create} event; returns its summary. */
    public ObjectNode create(String name, String sportType, Instant start, int elapsedSeconds, boolean isPrivate,
                             boolean manual) {
        ActivityPlan plan;
        synchronized (this) {
            long id = nextId();
            plan = customGenerator.customPlan(id, athleteId(), sportType, name, start, elapsedSeconds, isPrivate,
                    manual);
            created.put(id, plan);
            rebuildEntries();
        }
        webhooks.publish("activity", plan.id(), "create", null, athleteId());
        return summary(plan.id()).orElseThrow();
    }

    /**
     * Changes the title, sport type or privacy and sends one {@code update} event naming the changed fields as
     * Strava does ({@code title}, {@code type}, {@code private} as strings).
     */
    public Optional<ObjectNode> update(long id, String name, String sportType, Boolean isPrivate) {
        ObjectNode updates = JsonNodeFactory.instance.objectNode();
        synchronized (this) {
            if (summary(id).isEmpty()) {
                return Optional.empty();
            }
            Overrides old = overrides.getOrDefault(id, new Overrides(null, null, null));
            Overrides next = new Overrides(name != null ? name : old.name(),
                    sportType != null ? sportType : old.sportType(), isPrivate != null ? isPrivate : old.isPrivate());
            overrides.put(id, next);
            if (name != null) {
                updates.put("title", name);
            }
            if (sportType != null) {
                updates.put("type", sportType);
            }
            if (isPrivate != null) {
                updates.put("private", isPrivate.toString());
            }
        }
        webhooks.publish("activity", id, "update", updates, athleteId());
        return summary(id);
    }

    /** Deletes an activity and sends the {@code delete} event. */
    public boolean delete(long id) {
        synchronized (this) {
            if (summary(id).isEmpty()) {
                return false;
            }
            deleted.add(id);
            rebuildEntries();
        }
        webhooks.publish("activity", id, "delete", null, athleteId());
        return true;
    }

    private long nextId() {
        long max = AthleteGenerator.FIRST_ACTIVITY_ID;
        for (ActivityCatalog.Entry e : entries) {
            max = Math.max(max, e.id());
        }
        return max + 1;
    }

    private void rebuildEntries() {
        List<ActivityCatalog.Entry> list = new ArrayList<>();
        for (ActivityCatalog.Entry e : catalog.entries()) {
            if (!deleted.contains(e.id())) {
                list.add(e);
            }
        }
        for (ActivityPlan p : created.values()) {
            if (!deleted.contains(p.id())) {
                list.add(new ActivityCatalog.Entry(p.id(), p.start().getEpochSecond(), p.isPrivate()));
            }
        }
        list.sort(Comparator.comparingLong(ActivityCatalog.Entry::startEpoch)
                .thenComparingLong(ActivityCatalog.Entry::id));
        entries = List.copyOf(list);
    }

    private ObjectNode apply(long id, ObjectNode o) {
        Overrides ov = overrides.get(id);
        if (ov == null) {
            return o;
        }
        if (ov.name() != null) {
            o.put("name", ov.name());
        }
        if (ov.sportType() != null) {
            o.put("sport_type", ov.sportType());
            o.put("type", StravaJson.legacyType(ov.sportType()));
        }
        if (ov.isPrivate() != null) {
            o.put("private", ov.isPrivate());
            o.put("visibility", ov.isPrivate() ? "only_me" : "everyone");
        }
        return o;
    }

    /** Streams in the requested keys and form. */
    public static JsonNode shape(ObjectNode all, Collection<String> keys, boolean keyByType) {
        ObjectNode selected = StreamForms.select(all, keys);
        return keyByType ? selected : StreamForms.toArray(selected);
    }

    /** Laps of a detailed activity ({@code GET /activities/{id}/laps}). */
    public static ArrayNode laps(ObjectNode detail) {
        JsonNode laps = detail.get("laps");
        return laps instanceof ArrayNode a ? a : JsonNodeFactory.instance.arrayNode();
    }
}
