package dev.paceline.api.rest;

import dev.paceline.platform.security.ApiKey;
import dev.paceline.api.query.ActivityQueries;
import dev.paceline.api.query.Answer;
import dev.paceline.api.query.Rows;
import dev.paceline.api.security.Caller;
import dev.paceline.api.snapshot.AthleteMarts;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.snapshot.SnapshotService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Athletes: the list this key may read, and one athlete's profile. The contract is META-INF/openapi.yaml. */
@Path("/api/v1/athletes")
@Produces({Responder.JSON, "text/csv"})
public class AthleteResource {

    private final SnapshotService snapshot;
    private final ActivityQueries activities;
    private final AthleteEndpoints endpoints;
    private final Responder responder;
    private final Caller caller;

    public AthleteResource(SnapshotService snapshot, ActivityQueries activities, AthleteEndpoints endpoints,
            Responder responder, Caller caller) {
        this.snapshot = snapshot;
        this.activities = activities;
        this.endpoints = endpoints;
        this.responder = responder;
        this.caller = caller;
    }

    @GET
    public Uni<Response> list(@QueryParam("format") String format, @HeaderParam("Accept") String accept,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        ApiKey key = caller.key();
        Build b = snapshot.current();
        Responder.Request req = Responder.Request.of(format, accept, ifNoneMatch);
        List<Long> ids = new ArrayList<>();
        for (String id : b.manifest().athletes().keySet()) {
            long a = Long.parseLong(id);
            if (key.canRead(a)) {
                ids.add(a);
            }
        }
        ids.sort(Long::compare);
        List<AthleteMarts> inMemory = new ArrayList<>(ids.size());
        for (long a : ids) {
            AthleteMarts m = snapshot.inMemory(b, a, ActivityQueries.ATHLETES_MARTS);
            if (m == null) {
                return AthleteEndpoints.onWorker(() -> {
                    List<AthleteMarts> loaded = ids.stream().map(x -> snapshot.load(b, x, ActivityQueries.ATHLETES_MARTS)).toList();
                    return respond(b, req, loaded);
                });
            }
            inMemory.add(m);
        }
        return Uni.createFrom().item(respond(b, req, inMemory));
    }

    private Response respond(Build b, Responder.Request req, List<AthleteMarts> athletes) {
        Rows rows = activities.athletes(athletes);
        return responder.respond(b, req, Answer.list(() -> rows));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> athlete(@PathParam("id") String id, @QueryParam("format") String format,
            @HeaderParam("Accept") String accept, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return endpoints.serve(id, format, accept, ifNoneMatch, (b, a) -> activities.athlete(a));
    }
}
