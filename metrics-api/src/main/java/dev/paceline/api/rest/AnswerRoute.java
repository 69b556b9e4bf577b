package dev.paceline.api.rest;

import dev.paceline.platform.security.ApiKey;
import dev.paceline.platform.security.ApiKeys;
import dev.paceline.api.snapshot.Build;
import dev.paceline.api.snapshot.SnapshotService;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a repeated per-athlete request from the {@link AnswerCache} before the REST layer: the key is checked, the
 * answer must be of the current build and of an athlete the key may read, and If-None-Match gives 304. Anything else
 * (a miss, a stale answer, no or a bad key, a key that may not read the athlete) goes on to the REST layer, which
 * answers (with its problems) and caches the rendered bytes under the same request key.
 */
@ApplicationScoped
public class AnswerRoute {

    /** Where the cache key of the request is left for the REST layer (routing-context data). */
    static final String KEY = "paceline.answer-key";

    private final AnswerCache cache;
    private final SnapshotService snapshot;
    private final ApiKeys keys;

    public AnswerRoute(AnswerCache cache, SnapshotService snapshot, ApiKeys keys) {
        this.cache = cache;
        this.snapshot = snapshot;
        this.keys = keys;
    }

    void install(@Observes Router router) {
        // before the REST layer's routes (their order is positive)
        router.route(HttpMethod.GET, "/api/v1/athletes/*").order(-100).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String key = AnswerCache.key(req.path(), req.query(), req.getHeader("Accept"));
        ctx.put(KEY, key);
        if (!snapshot.ready()) {
            ctx.next();
            return;
        }
        Build build = snapshot.current();
        Payload p = cache.get(key, build.id());
        if (p == null) {
            ctx.next();
            return;
        }
        Optional<ApiKey> caller = keys.authenticate(presentedKey(req));
        if (caller.isEmpty() || !caller.get().canRead(p.athleteId())) {
            ctx.next(); // the REST layer answers 401 or 404
            return;
        }
        HttpServerResponse res = ctx.response();
        MultiMap h = res.headers();
        h.set("ETag", p.etag());
        h.set("Paceline-Build", build.id());
        if (build.manifest().asOf() != null) {
            h.set("Paceline-As-Of", build.manifest().asOf());
        }
        h.set("Cache-Control", "private, no-cache");
        h.set("Vary", Responder.VARY);
        if (Responder.matches(req.getHeader("If-None-Match"), p.etag())) {
            res.setStatusCode(304).end();
            return;
        }
        for (Map.Entry<String, String> e : p.headers().entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        h.set("Content-Type", p.mediaType());
        res.setStatusCode(200).end(io.vertx.core.buffer.Buffer.buffer(p.body()));
    }

    /** The key as the API key filter reads it (X-API-Key, else Authorization: Bearer); null when absent. */
    private static String presentedKey(HttpServerRequest req) {
        String k = req.getHeader("X-API-Key");
        if (k != null && !k.isBlank()) {
            return k.trim();
        }
        String auth = req.getHeader("Authorization");
        return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
    }
}
