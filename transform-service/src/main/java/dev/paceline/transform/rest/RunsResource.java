package dev.paceline.transform.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paceline.platform.security.AdminOnly;
import dev.paceline.transform.RunReport;
import dev.paceline.transform.service.TransformRunner;
import dev.paceline.transform.service.TransformService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;

/** Transform runs: start one, list them, inspect one (models built, rows, durations, test results). */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    private final TransformService service;

    public RunsResource(TransformService service) {
        this.service = service;
    }

    /**
     * The body of POST /runs (optional).
     *
     * @param selection e.g. {@code stg_strava__activities+}; empty: every model
     * @param fullRefresh rebuild incremental models from scratch
     */
    @RegisterForReflection
    public record RunRequest(@JsonProperty("selection") String selection, @JsonProperty("full_refresh") Boolean fullRefresh) {
    }

    /** The answer of POST /runs. */
    @RegisterForReflection
    public record RunAccepted(@JsonProperty("id") String id, @JsonProperty("status") String status, @JsonProperty("href") String href) {
    }

    @POST
    @AdminOnly
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RunRequest body, @Context UriInfo uri) {
        String selection = body == null ? null : body.selection();
        boolean full = body != null && Boolean.TRUE.equals(body.fullRefresh());
        String id = service.submit(new TransformRunner.Request("api", selection, full, false));
        return Response.accepted(new RunAccepted(id, "queued", "/runs/" + id))
                .location(uri.getBaseUriBuilder().path("runs").path(id).build()).build();
    }

    @GET
    public List<RunReport> list() {
        return service.runs();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        return service.run(id).map(r -> Response.ok(r).build())
                .orElseGet(() -> Response.status(404).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(404, "Run not found", "no run '" + id + "' in this process; GET /runs lists the "
                                + "recent ones")).build());
    }
}
