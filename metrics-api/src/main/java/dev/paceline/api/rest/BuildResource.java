package dev.paceline.api.rest;

import dev.paceline.api.query.Answer;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.query.Rows;
import dev.paceline.api.snapshot.SnapshotService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
/** The serving build in force. */
@Path("/api/v1/builds")
@Produces({Responder.JSON, "text/csv"})
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
    public Uni<Response> current(@QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Build b = snapshot.current();
        Rows rows = new Rows(COLUMNS).add(b.id(), (long) b.manifest().schemaVersion(), b.manifest().createdAt(),
                b.manifest().asOf(), b.manifest().lastIngestRunId(), (long) b.manifest().athletes().size(),
                b.loadedAt().toString());
        return Uni.createFrom().item(responder.respond(b, Responder.Request.of(format, accept, ifNoneMatch),
                new Answer(() -> Answer.Result.object(rows, Map.of()))));
    }
}
