package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.service.ActivityService;
import dev.paceline.simulator.service.ApplicationStatus;
import dev.paceline.simulator.service.CallCounters;
import dev.paceline.simulator.service.FaultInjector;
import dev.paceline.simulator.service.RateLimiter;
import dev.paceline.simulator.service.SimClock;
import dev.paceline.simulator.service.TokenService;
import dev.paceline.simulator.service.WebhookService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The control API (only when {@code simulator.admin.enabled}): clock, faults, runtime activity changes with their
 * webhook events, counters, rate limits, the application switch and webhook deliveries. See the module README.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final SimClock clock;
    private final FaultInjector faults;
    private final ActivityService activities;
    private final CallCounters counters;
    private final RateLimiter limiter;
    private final ApplicationStatus status;
    private final WebhookService webhooks;
    private final TokenService tokens;
    private final ObjectMapper mapper;

    public AdminResource(SimClock clock, FaultInjector faults, ActivityService activities, CallCounters counters,
                         RateLimiter limiter, ApplicationStatus status, WebhookService webhooks,
                         TokenService tokens, ObjectMapper mapper) {
        this.tokens = tokens;
        this.clock = clock;
        this.faults = faults;
        this.activities = activities;
        this.counters = counters;
        this.limiter = limiter;
        this.status = status;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    /**
     * Back to the start state: system clock, no faults, configured limits with no usage, no counters, every token
     * revoked except the configured refresh token, application active, no subscription, no runtime activity changes.
     */
    @POST
    @Path("/reset")
    public Response reset() {
        clock.reset();
        faults.clear();
        limiter.reset();
        counters.reset();
        tokens.reset();
        status.setActive(true);
        webhooks.reset();
        activities.reset();
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ clock

    @GET
    @Path("/clock")
    public ObjectNode clock() {
        Instant now = clock.now();
        ObjectNode o = mapper.createObjectNode();
        o.put("now", now.toString());
        o.put("epoch_seconds", now.getEpochSecond());
        o.put("frozen", clock.frozen());
        o.put("system", clock.system());
        return o;
    }

    /** Sets the clock: {@code {"now":"2026-01-01T10:00:00Z"}} or {@code {"epoch_seconds":N}}, frozen unless
     * {@code "frozen":false}. */
    @PUT
    @Path("/clock")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode setClock(JsonNode body) {
        JsonNode b = require(body, "{\"now\":\"2026-01-01T10:00:00Z\"} or {\"epoch_seconds\":1767261600}");
        Instant at;
        if (b.hasNonNull("now")) {
            try {
                at = Instant.parse(b.get("now").asText());
            } catch (DateTimeParseException e) {
                throw AdminException.badRequest("\"now\" must be an ISO-8601 instant such as 2026-01-01T10:00:00Z, got "
                        + b.get("now"));
            }
        } else if (b.hasNonNull("epoch_seconds") && b.get("epoch_seconds").canConvertToLong()) {
            at = Instant.ofEpochSecond(b.get("epoch_seconds").asLong());
        } else {
            throw AdminException.badRequest("give \"now\" (ISO-8601 instant) or \"epoch_seconds\" (integer)");
        }
        clock.set(at, b.path("frozen").asBoolean(true));
        return clock();
    }

    /** Moves the clock forward: {@code {"seconds":900}}. */
    @POST
    @Path("/clock/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode advance(JsonNode body) {
        JsonNode b = require(body, "{\"seconds\":900}");
        if (!b.path("seconds").canConvertToLong() || b.path("seconds").asLong() < 0) {
            throw AdminException.badRequest("\"seconds\" must be a non-negative integer, e.g. {\"seconds\":900}");
        }
        clock.advance(Duration.ofSeconds(b.get("seconds").asLong()));
        return clock();
    }

    /** Back to the system clock. */
    @DELETE
    @Path("/clock")
    public ObjectNode resetClock() {
        clock.reset();
        return clock();
    }

    // ------------------------------------------------------------------ faults

    @GET
    @Path("/faults")
    public ArrayNode faults() {
        ArrayNode out = mapper.createArrayNode();
        faults.list().forEach(f -> out.add(fault(f)));
        return out;
    }

    /**
     * Arms a fault: {@code {"path":"/api/v3/activities/*","kind":"503","count":2,"method":"GET"}}; kinds 500, 502,
     * 503, hang, malformed_json, connection_reset.
     */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response armFault(JsonNode body) {
        JsonNode b = require(body, "{\"path\":\"/api/v3/activities/*\",\"kind\":\"503\",\"count\":1}");
        FaultInjector.Kind kind = FaultInjector.Kind.parse(b.path("kind").asText(null)).orElseThrow(
                () -> AdminException.badRequest("\"kind\" must be one of 500, 502, 503, hang, malformed_json, "
                        + "connection_reset; got " + b.get("kind")));
        int count = b.path("count").asInt(1);
        try {
            FaultInjector.Fault f = faults.arm(b.path("path").asText(null), b.path("method").asText(null), kind,
                    count);
            return Response.status(201).entity(fault(f)).build();
        } catch (IllegalArgumentException e) {
            throw AdminException.badRequest(e.getMessage());
        }
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    private ObjectNode fault(FaultInjector.Fault f) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", f.id());
        o.put("path", f.path());
        if (f.method() == null) {
            o.putNull("method");
        } else {
            o.put("method", f.method());
        }
        o.put("kind", f.kind().name().toLowerCase());
        o.put("remaining", f.remaining());
        return o;
    }

    // ------------------------------------------------------------------ activities

    /**
     * Creates an activity and sends the {@code create} event: {@code {"name":"Lunch Ride","sport_type":"Ride",
     * "start_date":"2026-10-30T12:00:00Z","elapsed_time":3600,"private":false,"manual":false}}.
     */
    @POST
    @Path("/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createActivity(JsonNode body) {
        JsonNode b = require(body, "{\"name\":\"Lunch Ride\",\"sport_type\":\"Ride\"}");
        String name = b.path("name").asText("Simulated activity");
        String sportType = b.path("sport_type").asText("Ride");
        Instant start;
        try {
            start = b.hasNonNull("start_date") ? Instant.parse(b.get("start_date").asText())
                    : clock.now().minusSeconds(b.path("elapsed_time").asInt(3600));
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest("\"start_date\" must be an ISO-8601 instant, got " + b.get("start_date"));
        }
        int elapsed = b.path("elapsed_time").asInt(3600);
        if (elapsed < 60 || elapsed > 86_400) {
            throw AdminException.badRequest("\"elapsed_time\" must be between 60 and 86400 seconds, got " + elapsed);
        }
        ObjectNode created = activities.create(name, sportType, start, elapsed, b.path("private").asBoolean(false),
                b.path("manual").asBoolean(false));
        return Response.status(201).entity(created).build();
    }

    /**
     * Updates title, type or privacy and sends the {@code update} event:
     * {@code {"name":"New title","sport_type":"Run","private":true}} ({@code title} and {@code type} also accepted).
     */
    @PUT
    @Path("/activities/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode updateActivity(@PathParam("id") long id, JsonNode body) {
        JsonNode b = require(body, "{\"name\":\"New title\"}");
        String name = text(b, "name", "title");
        String type = text(b, "sport_type", "type");
        Boolean priv = b.has("private") ? b.get("private").asBoolean() : null;
        if (name == null && type == null && priv == null) {
            throw AdminException.badRequest("nothing to update: give \"name\", \"sport_type\" or \"private\"");
        }
        return activities.update(id, name, type, priv)
                .orElseThrow(() -> AdminException.notFound("no activity " + id + " (deleted or never existed)"));
    }

    @DELETE
    @Path("/activities/{id}")
    public Response deleteActivity(@PathParam("id") long id) {
        if (!activities.delete(id)) {
            throw AdminException.notFound("no activity " + id + " (deleted or never existed)");
        }
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ counters and limits

    @GET
    @Path("/counters")
    public ObjectNode counters() {
        CallCounters.Snapshot s = counters.snapshot();
        ObjectNode o = mapper.createObjectNode();
        o.put("total", s.total());
        o.put("too_many_requests", s.tooManyRequests());
        ObjectNode routes = o.putObject("per_route");
        s.perRoute().forEach(routes::put);
        ObjectNode windows = o.putObject("per_window");
        s.perWindow().forEach(windows::put);
        ObjectNode statuses = o.putObject("per_status");
        s.perStatus().forEach((k, v) -> statuses.put(Integer.toString(k), v));
        return o;
    }

    @DELETE
    @Path("/counters")
    public Response resetCounters() {
        counters.reset();
        return Response.noContent().build();
    }

    @GET
    @Path("/rate-limits")
    public ObjectNode rateLimits() {
        RateLimiter.Usage u = limiter.current();
        RateLimiter.Limits l = u.limits();
        ObjectNode o = mapper.createObjectNode();
        ObjectNode limits = o.putObject("limits");
        limits.put("read_15min", l.read15()).put("read_daily", l.readDaily())
                .put("overall_15min", l.overall15()).put("overall_daily", l.overallDaily());
        ObjectNode usage = o.putObject("usage");
        usage.put("read_15min", u.read15()).put("read_daily", u.readDaily())
                .put("overall_15min", u.overall15()).put("overall_daily", u.overallDaily());
        o.put("rejected", limiter.rejected());
        o.put("window_start", Instant.ofEpochSecond(limiter.windowStart()).toString());
        return o;
    }

    /** Changes the limits at runtime: any of {@code read_15min, read_daily, overall_15min, overall_daily}. */
    @PUT
    @Path("/rate-limits")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode setRateLimits(JsonNode body) {
        JsonNode b = require(body, "{\"read_15min\":10,\"read_daily\":100}");
        RateLimiter.Limits l = limiter.limits();
        RateLimiter.Limits next = new RateLimiter.Limits(positive(b, "read_15min", l.read15()),
                positive(b, "read_daily", l.readDaily()), positive(b, "overall_15min", l.overall15()),
                positive(b, "overall_daily", l.overallDaily()));
        limiter.setLimits(next);
        return rateLimits();
    }

    @DELETE
    @Path("/rate-limits/usage")
    public Response resetUsage() {
        limiter.resetUsage();
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ application and webhooks

    @GET
    @Path("/application")
    public ObjectNode application() {
        return mapper.createObjectNode().put("active", status.active());
    }

    /** {@code {"active":false}} makes every Strava call answer 403 Application Inactive. */
    @PUT
    @Path("/application")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode setApplication(JsonNode body) {
        JsonNode b = require(body, "{\"active\":false}");
        if (!b.path("active").isBoolean()) {
            throw AdminException.badRequest("\"active\" must be true or false");
        }
        status.setActive(b.get("active").asBoolean());
        return application();
    }

    @GET
    @Path("/webhooks")
    public ObjectNode webhooks() {
        ObjectNode o = mapper.createObjectNode();
        o.set("subscriptions", webhooks.list());
        ArrayNode deliveries = o.putArray("deliveries");
        for (WebhookService.Delivery d : webhooks.deliveries()) {
            ObjectNode x = deliveries.addObject();
            x.put("event", d.eventSequence());
            x.put("attempt", d.attempt());
            x.put("outcome", d.outcome());
            if (d.status() == null) {
                x.putNull("status");
            } else {
                x.put("status", d.status());
            }
            x.put("millis", d.millis());
            x.put("object_type", d.objectType());
            x.put("aspect_type", d.aspectType());
            x.put("object_id", d.objectId());
        }
        return o;
    }

    @DELETE
    @Path("/webhooks/deliveries")
    public Response clearDeliveries() {
        webhooks.clearDeliveries();
        return Response.noContent().build();
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode require(JsonNode body, String example) {
        if (body == null || !body.isObject()) {
            throw AdminException.badRequest("expected a JSON object body, e.g. " + example);
        }
        return body;
    }

    private static String text(JsonNode b, String first, String second) {
        if (b.hasNonNull(first)) {
            return b.get(first).asText();
        }
        return b.hasNonNull(second) ? b.get(second).asText() : null;
    }

    private static int positive(JsonNode b, String field, int fallback) {
        if (!b.has(field)) {
            return fallback;
        }
        if (!b.get(field).canConvertToInt() || b.get(field).asInt() < 1) {
            throw AdminException.badRequest("\"" + field + "\" must be a positive integer, got " + b.get(field));
        }
        return b.get(field).asInt();
    }
}
