package dev.paceline.api.rest;

import dev.paceline.platform.security.ApiKey;
import dev.paceline.api.problem.NotFoundProblem;
import dev.paceline.api.query.Query;
import dev.paceline.api.security.Caller;
import dev.paceline.api.snapshot.AthleteMarts;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.snapshot.SnapshotService;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * What the per-athlete endpoints share, in this order: the current build (503 when there is none); the athlete id
 * (400 when malformed, 404 when this key may not read it or the build lacks it); the format (400); the endpoint's own
 * parameters (400 naming the bad one, parsed by {@code plan}); then the marts the query reads are resolved and the
 * answer rendered (and its bytes cached for {@link AnswerRoute}), or 304 on a matching If-None-Match.
 */
@ApplicationScoped
public class AthleteEndpoints {

    private final SnapshotService snapshot;
    private final Responder responder;
    private final Caller caller;
    private final AnswerCache cache;
    private final CurrentVertxRequest request;

    public AthleteEndpoints(SnapshotService snapshot, Responder responder, Caller caller, AnswerCache cache,
            CurrentVertxRequest request) {
        this.snapshot = snapshot;
        this.responder = responder;
        this.caller = caller;
        this.cache = cache;
        this.request = request;
    }

    /** One endpoint's planning: parse its parameters and say which marts it reads. */
    @FunctionalInterface
    public interface Planner {
        Query plan(Build build, long athlete);
    }

    public Uni<Response> serve(String id, String format, String accept, String ifNoneMatch, Planner planner) {
        ApiKey key = caller.key();
        Build b = snapshot.current();
        long a = athlete(b, id, key);
        Responder.Request req = Responder.Request.of(format, accept, ifNoneMatch);
        Query q = planner.plan(b, a);
        if (Responder.isNotModified(b, req)) {
            return Uni.createFrom().item(responder.notModified(b, req));
        }
        String cacheKey = request.getCurrent() == null ? null : request.getCurrent().get(AnswerRoute.KEY);
        AthleteMarts inMemory = snapshot.inMemory(b, a, q.marts());
        if (inMemory != null) {
            return Uni.createFrom().item(render(b, a, req, q, inMemory, cacheKey));
        }
        return onWorker(() -> render(b, a, req, q, snapshot.load(b, a, q.marts()), cacheKey));
    }

    /** Renders the answer and keeps its bytes for the next identical request. */
    private Response render(Build b, long athlete, Responder.Request req, Query q, AthleteMarts marts, String cacheKey) {
        Payload p = responder.render(b, athlete, req, q.answer().apply(marts));
        if (cacheKey != null) {
            cache.put(cacheKey, p);
        }
        return responder.response(b, p);
    }

    /** The athlete id if this key may read it and the build has it; else 404 (the same answer either way). */
    static long athlete(Build b, String id, ApiKey key) {
        long a = Params.id("id", id);
        if (!key.canRead(a) || !b.hasAthlete(a)) {
            throw new NotFoundProblem("athlete " + a + " not found in build " + b.id()
                    + ": check the id (GET /api/v1/athletes lists the athletes this key can read)");
        }
        return a;
    }

    /** Work that may read the lake: off the event loop, on a worker thread. */
    static Uni<Response> onWorker(Supplier<Response> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
