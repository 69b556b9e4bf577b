package dev.paceline.api.rest;

import dev.paceline.api.Answer;
import dev.paceline.api.Build;
import dev.paceline.api.Rows;
import dev.paceline.api.service.SnapshotService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The serving build in force. */
@Path("/api/v1/builds")
@Produces({Responder.JSON, "text/csv"})
@Tag(name = "builds", description = "The serving snapshot this API answers from")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
public class BuildResource {

    static final List<String> COLUMNS = List.of("build_id", "schema_version", "created_at", "as_of", "last_ingest_run_id",
            "athlete_count", "loaded_at");

    private final SnapshotService snapshot;
    private final Responder responder;

    public BuildResource(SnapshotService snapshot, Responder responder) {
        this.snapshot = snapshot;
        this.responder = responder;
    }

    @GET
    @Path("/current")
    @Operation(summary = "The current build", description = "Build id (also the ETag of every answer), when it was "
            + "created, the as-of time of the newest raw data it read, and the last ingest run it consumed.")
    @APIResponse(responseCode = "200", description = "Current build", content = {
        @Content(mediaType = Responder.JSON, examples = @ExampleObject(name = "build",
                value = "{\"build_id\":\"20261127T102000Z-a1b2\",\"schema_version\":1,\"created_at\":\"2026-11-27T10:20:31Z\",\"as_of\":\"2026-11-27T10:15:02Z\",\"last_ingest_run_id\":\"20261127T101500Z-ab12cd\",\"athlete_count\":3,\"loaded_at\":\"2026-11-27T10:20:45Z\"}")),
        @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "503", description = "No build published or loaded yet")
    public Uni<Response> current(@Parameter(description = "json (default) or csv") @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return AthleteResource.serve(() -> {
        Build b = snapshot.current();
        Rows rows = new Rows(COLUMNS).add(b.id(), (long) b.manifest().schemaVersion(), b.manifest().createdAt(),
                b.manifest().asOf(), b.manifest().lastIngestRunId(), (long) b.manifest().athletes().size(),
                b.loadedAt().toString());
        return responder.respond(b, Responder.Request.of(format, accept, ifNoneMatch),
                new Answer(null, "build", () -> new Answer.Result(rows, Renderer.jsonObject(rows, Map.of()), Map.of())));
        });
    }
}
