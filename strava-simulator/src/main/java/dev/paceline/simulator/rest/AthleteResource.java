package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.service.AccessGrant;
import dev.paceline.simulator.service.ActivityService;
import dev.paceline.simulator.service.StravaException;
import dev.paceline.simulator.service.TokenService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/** {@code /athlete}, {@code /athlete/activities} and {@code /athlete/zones}. */
@Path("/api/v3/athlete")
@Produces(ExceptionMappers.JSON)
public class AthleteResource {

    static final int MAX_PER_PAGE = 200;
    static final int DEFAULT_PER_PAGE = 30;

    private final TokenService tokens;
    private final ActivityService activities;

    public AthleteResource(TokenService tokens, ActivityService activities) {
        this.tokens = tokens;
        this.activities = activities;
    }

    @GET
    public ObjectNode athlete(@HeaderParam("Authorization") String authorization) {
        Bearer.require(tokens, authorization);
        return activities.athlete();
    }

    @GET
    @Path("/activities")
    public ArrayNode list(@HeaderParam("Authorization") String authorization, @QueryParam("before") String before,
                          @QueryParam("after") String after, @QueryParam("page") String page,
                          @QueryParam("per_page") String perPage) {
        AccessGrant grant = Bearer.require(tokens, authorization);
        Bearer.requireActivityRead(grant);
        int size = intParam("per_page", perPage, DEFAULT_PER_PAGE);
        if (size < 1 || size > MAX_PER_PAGE) {
            throw StravaException.badRequest("Activity", "per_page", "invalid");
        }
        int p = intParam("page", page, 1);
        if (p < 1) {
            throw StravaException.badRequest("Activity", "page", "invalid");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        activities.list(epochParam("before", before), epochParam("after", after), p, size, grant.canReadPrivate())
                .items().forEach(out::add);
        return out;
    }

    @GET
    @Path("/zones")
    public ObjectNode zones(@HeaderParam("Authorization") String authorization) {
        AccessGrant grant = Bearer.require(tokens, authorization);
        if (!grant.has("profile:read_all")) {
            throw StravaException.unauthorized("AccessToken", "profile:read_permission", "missing");
        }
        return activities.zones();
    }

    private static int intParam(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw StravaException.badRequest("Activity", name, "invalid");
        }
    }

    private static Long epochParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return (long) Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw StravaException.badRequest("Activity", name, "invalid");
        }
    }
}
