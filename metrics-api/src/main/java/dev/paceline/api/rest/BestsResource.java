package dev.paceline.api.rest;

import dev.paceline.api.query.BestsQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** One athlete's bests: power per duration, the power curve and running times per distance. */
@Path("/api/v1/athletes/{id}")
@Produces({Responder.JSON, "text/csv"})
public class BestsResource {

    private final BestsQueries bests;
    private final AthleteEndpoints endpoints;

    public BestsResource(BestsQueries bests, AthleteEndpoints endpoints) {
        this.bests = bests;
        this.endpoints = endpoints;
    }

    @GET
    @Path("/power-bests")
    public Uni<Response> powerBests(@PathParam("id") String id, @QueryParam("durations") String durations,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch,
                (b, a) -> bests.powerBests(Params.durations(durations), Params.range(from, to)));
    }

    @GET
    @Path("/power-curve")
    public Uni<Response> powerCurve(@PathParam("id") String id, @QueryParam("window") String window,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch,
                (b, a) -> bests.powerCurve(Params.oneOf("window", window, BestsQueries.WINDOWS, "90d")));
    }

    @GET
    @Path("/run-bests")
    public Uni<Response> runBests(@PathParam("id") String id, @QueryParam("distances") String distances,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch,
                (b, a) -> bests.runBests(Params.distances(distances), Params.range(from, to)));
    }
}
