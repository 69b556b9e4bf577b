package dev.paceline.api.rest;

import dev.paceline.api.query.TrendQueries;
import dev.paceline.api.query.ZoneQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** One athlete's zones: the definitions in force on a date and the time in zones. */
@Path("/api/v1/athletes/{id}")
@Produces({Responder.JSON, "text/csv"})
public class ZoneResource {

    private final ZoneQueries zones;
    private final AthleteEndpoints endpoints;

    public ZoneResource(ZoneQueries zones, AthleteEndpoints endpoints) {
        this.zones = zones;
        this.endpoints = endpoints;
    }

    @GET
    @Path("/zones")
    public Uni<Response> zones(@PathParam("id") String id, @QueryParam("type") String type, @QueryParam("date") String date,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> zones.zones(b,
                Params.oneOf("type", type, ZoneQueries.ZONE_TYPES, null), Params.date("date", date)));
    }

    @GET
    @Path("/zone-times")
    public Uni<Response> zoneTimes(@PathParam("id") String id, @QueryParam("type") String type,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sport") String sport,
            @QueryParam("group") String group, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> {
            String s = Params.oneOf("sport", sport, TrendQueries.SPORTS, "all");
            return zones.zoneTimes(Params.oneOf("type", type, ZoneQueries.ZONE_TYPES, "heartrate"), Params.range(from, to),
                    s.equals("all") ? null : s, Params.oneOf("group", group, ZoneQueries.GROUPS, "activity"));
        });
    }
}
