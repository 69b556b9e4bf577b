package dev.paceline.api.rest;

import dev.paceline.api.problem.BadParameter;
import dev.paceline.api.query.DateRange;
import dev.paceline.api.query.TrendQueries;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;

/** One athlete's trends: the 90-day view, weekly metrics and fitness. */
@Path("/api/v1/athletes/{id}")
@Produces({Responder.JSON, "text/csv"})
public class TrendResource {

    private final TrendQueries trends;
    private final AthleteEndpoints endpoints;

    public TrendResource(TrendQueries trends, AthleteEndpoints endpoints) {
        this.trends = trends;
        this.endpoints = endpoints;
    }

    @GET
    @Path("/rolling")
    public Uni<Response> rolling(@PathParam("id") String id, @QueryParam("window") String window,
            @QueryParam("sport") String sport, @QueryParam("date") String date, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> {
            Params.oneOf("window", window, TrendQueries.ROLLING_WINDOWS, "90d");
            String s = Params.oneOf("sport", sport, TrendQueries.SPORTS, "all");
            LocalDate d = Params.date("date", date);
            boolean series = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
            if (d != null && series) {
                throw new BadParameter("date", "date and from/to exclude each other: give date for one day, or from/to for a series");
            }
            DateRange r = series ? Params.range(from, to) : null;
            return trends.rolling(b, a, s, d, r);
        });
    }

    @GET
    @Path("/weekly")
    public Uni<Response> weekly(@PathParam("id") String id, @QueryParam("metric") String metric,
            @QueryParam("weeks") String weeks, @QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> {
            String m = metric == null || metric.isBlank() ? "moving_time_s" : Params.text("metric", metric);
            return trends.weekly(m, Params.intIn("weeks", weeks, 1, 2000, 52));
        });
    }

    @GET
    @Path("/fitness")
    public Uni<Response> fitness(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> trends.fitness(Params.range(from, to)));
    }
}
