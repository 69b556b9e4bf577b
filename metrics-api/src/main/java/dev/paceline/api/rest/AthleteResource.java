package dev.paceline.api.rest;

import dev.paceline.api.Answer;
import dev.paceline.platform.security.ApiKey;
import dev.paceline.api.Build;
import dev.paceline.api.DateRange;
import dev.paceline.api.NotFoundProblem;
import dev.paceline.api.Rows;
import dev.paceline.api.WouldBlock;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;
import dev.paceline.api.BadParameter;
import dev.paceline.api.security.Caller;
import dev.paceline.api.service.ActivityQueries;
import dev.paceline.api.service.BestsQueries;
import dev.paceline.api.service.SnapshotService;
import dev.paceline.api.service.TrendQueries;
import dev.paceline.api.service.ZoneQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The athlete endpoints: profile, activities, zones, bests, the 90-day view, weekly metrics and fitness. */
@Path("/api/v1/athletes")
@Produces({Responder.JSON, "text/csv"})
@Tag(name = "athletes", description = "Metrics of one athlete from the current serving build")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
@APIResponses({
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current build"),
    @APIResponse(responseCode = "400", description = "A parameter is invalid; `parameter` names it",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = dev.paceline.api.Problem.class),
                    examples = @ExampleObject(name = "bad date", value = "{\"type\":\"https://paceline.dev/problems/bad-parameter\",\"title\":\"Bad parameter\",\"status\":400,\"detail\":\"from: '2026-13-01' is not a date; use YYYY-MM-DD, e.g. 2026-11-27\",\"instance\":\"/api/v1/athletes/1/fitness\",\"parameter\":\"from\"}"))),
    @APIResponse(responseCode = "401", description = "No or invalid API key",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = dev.paceline.api.Problem.class))),
    @APIResponse(responseCode = "404", description = "Unknown athlete or activity (or not readable with this key)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = dev.paceline.api.Problem.class))),
    @APIResponse(responseCode = "503", description = "No build loaded yet, or the lake is unreachable for an athlete not in memory",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = dev.paceline.api.Problem.class)))
})
public class AthleteResource {

    private static final String FORMAT = "Response format: json (default) or csv; the Accept header (text/csv) works too";

    private final SnapshotService snapshot;
    private final ActivityQueries activities;
    private final ZoneQueries zones;
    private final BestsQueries bests;
    private final TrendQueries trends;
    private final Responder responder;
    private final Caller caller;

    public AthleteResource(SnapshotService snapshot, ActivityQueries activities, ZoneQueries zones, BestsQueries bests,
            TrendQueries trends, Responder responder, Caller caller) {
        this.snapshot = snapshot;
        this.activities = activities;
        this.zones = zones;
        this.bests = bests;
        this.trends = trends;
        this.responder = responder;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Athletes this key can read", description = "One row per athlete of the current build that the API key may read.")
    @APIResponse(responseCode = "200", description = "Athletes", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "athletes",
                value = "[{\"athlete_id\":134815,\"name\":\"Ada Lovelace\",\"sex\":\"F\",\"city\":\"London\",\"country\":\"UK\",\"activity_count\":812,\"first_activity_date\":\"2019-03-02\",\"last_activity_date\":\"2026-11-26\"}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> list(@Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        ApiKey key = caller.key();
        return serve(() -> {
            Build b = snapshot.current();
            List<Long> ids = new ArrayList<>();
            for (String id : b.manifest().athletes().keySet()) {
                long a = Long.parseLong(id);
                if (key.canRead(a)) {
                    ids.add(a);
                }
            }
            ids.sort(Long::compare);
            Rows rows = activities.athletes(b, ids);
            return responder.respond(b, Responder.Request.of(format, accept, ifNoneMatch), Answer.list(null, "", () -> rows));
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Athlete profile and current settings", description = "The mart_athlete row: name, sex, max HR, FTP, threshold pace, zone preset.")
    @APIResponse(responseCode = "200", description = "Profile", content = {
        @Content(mediaType = Responder.JSON, examples = @ExampleObject(name = "athlete",
                value = "{\"athlete_id\":134815,\"firstname\":\"Ada\",\"lastname\":\"Lovelace\",\"name\":\"Ada Lovelace\",\"sex\":\"F\",\"max_hr_bpm\":188,\"max_hr_source\":\"age\",\"ftp_w\":251,\"ftp_source\":\"eftp\",\"threshold_pace_mps\":3.92,\"power_zone_preset\":\"seed6\",\"activity_count\":812}")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> athlete(@Parameter(description = "Athlete id", example = "134815") @PathParam("id") String id,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> activities.athlete(b, a));
    }

    @GET
    @Path("/{id}/activities")
    @Operation(summary = "Activities, newest first", description = "Filters combine with AND. Pages with `limit`; "
            + "the header Paceline-Next-Cursor carries the cursor of the next page (absent on the last page).")
    @APIResponse(responseCode = "200", description = "Activities (all mart_activities columns but athlete_id)", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "activities",
                value = "[{\"activity_id\":9876543210,\"name\":\"Morning Ride\",\"sport\":\"ride\",\"sport_type\":\"Ride\",\"activity_type\":\"endurance\",\"activity_subtype\":\"road\",\"is_race\":false,\"is_indoor\":false,\"start_date\":\"2026-11-26T07:02:11Z\",\"start_date_local\":\"2026-11-26T08:02:11\",\"local_date\":\"2026-11-26\",\"moving_time_s\":5421,\"elapsed_time_s\":5890,\"distance_m\":45210.3,\"np_w\":221.4,\"intensity_factor\":0.88,\"tss\":116.7,\"load\":116.7}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> activities(@PathParam("id") String id,
            @Parameter(description = "First local date (inclusive)", example = "2026-09-01") @QueryParam("from") String from,
            @Parameter(description = "Last local date (inclusive)", example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = "ride, run or other", example = "ride") @QueryParam("sport") String sport,
            @Parameter(description = "Custom activity type (race, intervals, long, easy, endurance…)", example = "race") @QueryParam("type") String type,
            @Parameter(description = "Custom activity subtype (road, track, xc, virtual)", example = "road") @QueryParam("subtype") String subtype,
            @Parameter(description = "Only races (true) or only non-races (false)", example = "true") @QueryParam("race") String race,
            @Parameter(description = "Page size, 1..1000 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Parameter(description = "Paceline-Next-Cursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> activities.activities(b, a,
                new ActivityQueries.ActivityFilter(Params.range(from, to),
                        Params.oneOf("sport", sport, List.of("ride", "run", "other"), null), Params.text("type", type),
                        Params.text("subtype", subtype), Params.bool("race", race), Params.intIn("limit", limit, 1, 1000, 50),
                        Params.text("cursor", cursor))));
    }

    @GET
    @Path("/{id}/activities/{activityId}")
    @Operation(summary = "One activity with its zone times, power bests and run bests",
            description = "All mart_activities columns (NP, IF, TSS, hrTSS, load…) plus nested zone_times, power_bests and "
                    + "run_bests. CSV gives the activity row only.")
    @APIResponse(responseCode = "200", description = "Activity", content = {
        @Content(mediaType = Responder.JSON, examples = @ExampleObject(name = "activity",
                value = "{\"activity_id\":9876543210,\"name\":\"Morning Ride\",\"sport\":\"ride\",\"np_w\":221.4,\"intensity_factor\":0.88,\"tss\":116.7,\"zone_times\":[{\"zone_type\":\"power\",\"zone\":1,\"lower\":0,\"upper\":151,\"seconds\":1200,\"coverage\":0.99}],\"power_bests\":[{\"duration_s\":300,\"watts\":301.2,\"start_s\":1820,\"coverage\":1}],\"run_bests\":[]}")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> activity(@PathParam("id") String id,
            @Parameter(description = "Activity id", example = "9876543210") @PathParam("activityId") String activityId,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch,
                (b, a) -> activities.activity(b, a, Params.id("activityId", activityId)));
    }

    @GET
    @Path("/{id}/zones")
    @Operation(summary = "Zone definitions in force on a date",
            description = "Bounds in bpm (heartrate), W (power) and m/s (pace; with pace_from/pace_to in s/km). A value is in "
                    + "zone i when lower < value ≤ upper.")
    @APIResponse(responseCode = "200", description = "Zones", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "power zones",
                value = "[{\"zone_type\":\"power\",\"zone\":1,\"lower\":0,\"upper\":151,\"valid_from\":\"2026-10-04\",\"valid_to\":null,\"threshold\":251,\"source\":\"eftp\",\"preset\":\"seed6\",\"pace_from_s_per_km\":null,\"pace_to_s_per_km\":null}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> zones(@PathParam("id") String id,
            @Parameter(description = "heartrate, power or pace (default: all three)", example = "power") @QueryParam("type") String type,
            @Parameter(description = "Local date (default: the build's as-of date)", example = "2026-11-27") @QueryParam("date") String date,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> zones.zones(b, a,
                Params.oneOf("type", type, ZoneQueries.ZONE_TYPES, null), Params.date("date", date)));
    }

    @GET
    @Path("/{id}/zone-times")
    @Operation(summary = "Time in zones",
            description = "Seconds per zone of one zone type, per activity or summed per day, week (Monday) or month: "
                    + "columns date, activity_id+sport (activity) or activities (count), z1_s..zN_s, total_s.")
    @APIResponse(responseCode = "200", description = "Time in zones", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "by week",
                value = "[{\"date\":\"2026-11-16\",\"activities\":5,\"z1_s\":9120,\"z2_s\":7310,\"z3_s\":1840,\"z4_s\":620,\"z5_s\":95,\"total_s\":18985}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> zoneTimes(@PathParam("id") String id,
            @Parameter(description = "heartrate (default), power or pace", example = "heartrate") @QueryParam("type") String type,
            @Parameter(description = "First local date (inclusive)", example = "2026-09-01") @QueryParam("from") String from,
            @Parameter(description = "Last local date (inclusive)", example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = "ride, run, other or all (default)", example = "ride") @QueryParam("sport") String sport,
            @Parameter(description = "activity (default), day, week or month", example = "week") @QueryParam("group") String group,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> {
            String s = Params.oneOf("sport", sport, TrendQueries.SPORTS, "all");
            return zones.zoneTimes(b, a, Params.oneOf("type", type, ZoneQueries.ZONE_TYPES, "heartrate"), Params.range(from, to),
                    s.equals("all") ? null : s, Params.oneOf("group", group, ZoneQueries.GROUPS, "activity"));
        });
    }

    @GET
    @Path("/{id}/power-bests")
    @Operation(summary = "Best power per duration in a date range",
            description = "One row per requested duration with the best mean power, the activity and start second holding it "
                    + "(watts null when no ride qualifies).")
    @APIResponse(responseCode = "200", description = "Power bests", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "bests",
                value = "[{\"duration_s\":300,\"duration\":\"5m\",\"watts\":301.2,\"activity_id\":9876543210,\"local_date\":\"2026-11-26\",\"start_s\":1820}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> powerBests(@PathParam("id") String id,
            @Parameter(description = "Comma-separated durations from 15s,30s,1m,2m,5m,10m,20m,30m,1h (default: all)",
                    example = "15s,1m,5m,10m,20m") @QueryParam("durations") String durations,
            @Parameter(description = "First local date (inclusive)", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last local date (inclusive)", example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch,
                (b, a) -> bests.powerBests(b, a, Params.durations(durations), Params.range(from, to)));
    }

    @GET
    @Path("/{id}/power-curve")
    @Operation(summary = "Mean-maximal power curve as of the build date",
            description = "Best power for every duration of the log-spaced grid over the last 90 days, 365 days or all time.")
    @APIResponse(responseCode = "200", description = "Power curve", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "curve",
                value = "[{\"duration_s\":1,\"watts\":912.0,\"activity_id\":9876543210,\"local_date\":\"2026-10-02\",\"start_s\":2210,\"as_of_date\":\"2026-11-27\"}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> powerCurve(@PathParam("id") String id,
            @Parameter(description = "90d (default), 365d or all", example = "90d") @QueryParam("window") String window,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch,
                (b, a) -> bests.powerCurve(b, a, Params.oneOf("window", window, BestsQueries.WINDOWS, "90d")));
    }

    @GET
    @Path("/{id}/run-bests")
    @Operation(summary = "Fastest running time per distance in a date range",
            description = "One row per requested distance with the fastest (interpolated) time, pace, the activity and start.")
    @APIResponse(responseCode = "200", description = "Run bests", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "bests",
                value = "[{\"distance\":\"5k\",\"distance_m\":5000,\"time_s\":1167.4,\"pace_s_per_km\":233.5,\"activity_id\":9876500001,\"local_date\":\"2026-10-11\",\"start_s\":412.6}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> runBests(@PathParam("id") String id,
            @Parameter(description = "Comma-separated: 400m,1k,1mile,5k,10k,half_marathon,marathon or metres (default: all)",
                    example = "1k,5k,10k") @QueryParam("distances") String distances,
            @Parameter(description = "First local date (inclusive)", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last local date (inclusive)", example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch,
                (b, a) -> bests.runBests(b, a, Params.distances(distances), Params.range(from, to)));
    }

    @GET
    @Path("/{id}/rolling")
    @Operation(summary = "The 90-day view",
            description = "Volume, intensity (zone seconds and shares, average IF) and performance (bests, eFTP, best 5 km, "
                    + "threshold pace, CTL) over the 90 days ending on each date, with the previous 90 days (_prev) and the "
                    + "change in percent (_change_pct). One row for `date` (default: the latest day), or one per day with from/to.")
    @APIResponse(responseCode = "200", description = "90-day view rows (all mart_rolling_90d columns)", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "one day",
                value = "[{\"date\":\"2026-11-27\",\"sport\":\"ride\",\"activity_count\":38,\"active_days\":35,\"moving_time_s\":198220,\"distance_m\":1650300.5,\"load\":3890.2,\"hr_z1_s\":72000,\"power_best_300_w\":301.2,\"eftp_w\":251,\"ctl\":61.3,\"moving_time_s_prev\":176000,\"moving_time_s_change_pct\":12.6}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> rolling(@PathParam("id") String id,
            @Parameter(description = "Window length; only 90d", example = "90d") @QueryParam("window") String window,
            @Parameter(description = "all (default), ride, run or other", example = "all") @QueryParam("sport") String sport,
            @Parameter(description = "The day (default: the latest day of the build); not with from/to", example = "2026-11-27") @QueryParam("date") String date,
            @Parameter(description = "First day of a series (inclusive)", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day of a series (inclusive)", example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> {
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
    @Path("/{id}/weekly")
    @Operation(summary = "Weekly metrics",
            description = "The original reporting view: per week the value, 6/13/26/52-week averages and ranks (1 = highest).")
    @APIResponse(responseCode = "200", description = "Weeks, oldest first", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "weeks",
                value = "[{\"week_start\":\"2026-11-23\",\"metric\":\"moving_time_s\",\"value\":21600,\"avg_6w\":18300,\"avg_13w\":17100,\"avg_26w\":16200,\"avg_52w\":15000,\"rank_6w\":1,\"rank_13w\":2,\"rank_26w\":4,\"rank_52w\":9,\"rank_all\":31}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> weekly(@PathParam("id") String id,
            @Parameter(description = "moving_time_s (default), outdoor_distance_m, outdoor_elevation_m, active_days, outdoor_days, long_days, longest_outdoor_day_m",
                    example = "moving_time_s") @QueryParam("metric") String metric,
            @Parameter(description = "How many most recent weeks, 1..2000 (default 52)", example = "52") @QueryParam("weeks") String weeks,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> {
            String m = metric == null || metric.isBlank() ? "moving_time_s" : Params.text("metric", metric);
            return trends.weekly(b, a, m, Params.intIn("weeks", weeks, 1, 2000, 52));
        });
    }

    @GET
    @Path("/{id}/fitness")
    @Operation(summary = "Fitness, fatigue and form per day", description = "Daily load with CTL (42-day), ATL (7-day) and form.")
    @APIResponse(responseCode = "200", description = "Days, oldest first", content = {
        @Content(mediaType = Responder.JSON, schema = @Schema(type = SchemaType.ARRAY), examples = @ExampleObject(name = "days",
                value = "[{\"date\":\"2026-11-27\",\"load\":116.7,\"ctl\":61.3,\"atl\":72.9,\"form\":-9.8}]")),
        @Content(mediaType = "text/csv")})
    public Uni<Response> fitness(@PathParam("id") String id,
            @Parameter(description = "First day (inclusive)", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day (inclusive)", example = "2026-11-27") @QueryParam("to") String to,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return forAthlete(id, format, accept, ifNoneMatch, (b, a) -> trends.fitness(b, a, Params.range(from, to)));
    }

    /**
     * What the per-athlete endpoints share, in this order: the current build (503 when there is none); the athlete id
     * (400 when malformed, 404 when this key may not read it or the build lacks it); the format (400); then
     * {@code query} parses the endpoint's own parameters (400 naming the bad one) and builds the answer, which the
     * responder renders as JSON or CSV with the ETag and as-of headers, or as 304 on a matching If-None-Match.
     */
    private Uni<Response> forAthlete(String id, String format, String accept, String ifNoneMatch, AthleteQuery query) {
        ApiKey key = caller.key();
        return serve(() -> {
            Build b = snapshot.current();
            long a = athlete(b, id, key);
            Responder.Request req = Responder.Request.of(format, accept, ifNoneMatch);
            return responder.respond(b, req, query.answer(b, a));
        });
    }

    /** One endpoint's work for one athlete: parse its parameters, then ask the queries; runs inside {@link #serve}. */
    @FunctionalInterface
    private interface AthleteQuery {
        Answer answer(Build build, long athlete);
    }

    /** The athlete id if this key may read it and the build has it; else 404 (the same answer either way). */
    private static long athlete(Build b, String id, ApiKey key) {
        long a = Params.id("id", id);
        if (!key.canRead(a) || !b.hasAthlete(a)) {
            throw new NotFoundProblem("athlete " + a + " not found in build " + b.id()
                    + ": check the id (GET /api/v1/athletes lists the athletes this key can read)");
        }
        return a;
    }

    /**
     * Runs {@code work} on the event loop when everything it needs is in memory (the common case: no thread hop), else
     * again on a worker thread, where partitions may be loaded from the lake.
     */
    static Uni<Response> serve(Supplier<Response> work) {
        try {
            return Uni.createFrom().item(work.get());
        } catch (WouldBlock e) {
            return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
    }
}
