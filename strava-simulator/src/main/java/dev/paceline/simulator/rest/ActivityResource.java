package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.service.AccessGrant;
import dev.paceline.simulator.service.ActivityService;
import dev.paceline.simulator.service.StravaException;
import dev.paceline.simulator.service.TokenService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /activities/{id}}, its streams and its laps. */
@Path("/api/v3/activities/{id}")
@Produces(ExceptionMappers.JSON)
public class ActivityResource {

    private final TokenService tokens;
    private final ActivityService activities;

    public ActivityResource(TokenService tokens, ActivityService activities) {
        this.tokens = tokens;
        this.activities = activities;
    }

    @GET
    public ObjectNode detail(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        AccessGrant grant = Bearer.require(tokens, authorization);
        Bearer.requireActivityRead(grant);
        return activities.detail(parseId(id), grant.canReadPrivate())
                .orElseThrow(() -> StravaException.notFound("Activity", "id"));
    }

    @GET
    @Path("/laps")
    public ArrayNode laps(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        return ActivityService.laps(detail(authorization, id));
    }

    /**
     * Streams: {@code keys} (comma-separated), {@code key_by_type} (true: object keyed by type; false, the default:
     * array), {@code series_type}. 404 for manual activities.
     */
    @GET
    @Path("/streams")
    public JsonNode streams(@HeaderParam("Authorization") String authorization, @PathParam("id") String id,
                            @QueryParam("keys") String keys, @QueryParam("key_by_type") String keyByType,
                            @QueryParam("series_type") String seriesType) {
        AccessGrant grant = Bearer.require(tokens, authorization);
        Bearer.requireActivityRead(grant);
        long activityId = parseId(id);
        String series = seriesType == null || seriesType.isBlank() ? "distance" : seriesType;
        if (!series.equals("distance") && !series.equals("time")) {
            throw StravaException.badRequest("Stream", "series_type", "invalid");
        }
        ObjectNode all = activities.streams(activityId, grant.canReadPrivate(), series)
                .orElseThrow(() -> StravaException.notFound("Activity", "id"));
        Set<String> wanted = keys == null ? Set.of() : Arrays.stream(keys.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return ActivityService.shape(all, wanted, "true".equalsIgnoreCase(keyByType));
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw StravaException.notFound("Activity", "id");
        }
    }
}
