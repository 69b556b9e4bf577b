package dev.paceline.api.rest;

import dev.paceline.api.query.ActivityQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** One athlete's activities: the filtered, paged list and one activity with its zones and bests. */
@Path("/api/v1/athletes/{id}/activities")
@Produces({Responder.JSON, "text/csv"})
public class ActivityResource {

    private final ActivityQueries activities;
    private final AthleteEndpoints endpoints;

    public ActivityResource(ActivityQueries activities, AthleteEndpoints endpoints) {
        this.activities = activities;
        this.endpoints = endpoints;
    }

    @GET
    public Uni<Response> activities(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("sport") String sport, @QueryParam("type") String type,
            @QueryParam("subtype") String subtype, @QueryParam("race") String race, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> activities.activities(
                new ActivityQueries.ActivityFilter(Params.range(from, to),
                        Params.oneOf("sport", sport, List.of("ride", "run", "other"), null), Params.text("type", type),
                        Params.text("subtype", subtype), Params.bool("race", race), Params.intIn("limit", limit, 1, 1000, 50),
                        Params.text("cursor", cursor))));
    }

    @GET
    @Path("/{activityId}")
    public Uni<Response> activity(@PathParam("id") String id, @PathParam("activityId") String activityId,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch,
                (b, a) -> activities.activity(b, a, Params.id("activityId", activityId)));
    }
}
