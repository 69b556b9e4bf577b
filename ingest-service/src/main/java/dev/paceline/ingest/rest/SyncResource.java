package dev.paceline.ingest.rest;

import dev.paceline.ingest.service.IngestCoordinator;
import dev.paceline.ingest.service.SyncStatusService;
import dev.paceline.platform.security.AdminOnly;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Sync progress and a manual trigger. */
@Path("/sync")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SyncResource {

    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingest-manual-run");
        t.setDaemon(true);
        return t;
    });

    private final SyncStatusService status;
    private final IngestCoordinator coordinator;

    public SyncResource(SyncStatusService status, IngestCoordinator coordinator) {
        this.status = status;
        this.coordinator = coordinator;
    }

    /** Per athlete: phase, activities done and known, requests left, budget left, ETA. */
    @GET
    @Path("/status")
    public SyncStatusService.Status status() {
        return status.status();
    }

    /** Starts a run in the background; 409 while one is in progress. */
    @POST
    @Path("/run")
    public Response run() {
        if (coordinator.running()) {
            return Problem.response(409, "Run in progress", "run " + coordinator.currentRun()
                    + " is in progress: follow it at GET /sync/status");
        }
        RUNNER.submit(() -> coordinator.runOnce("manual"));
        return Response.accepted(Map.of("started", true, "status", "/sync/status")).build();
    }
}
