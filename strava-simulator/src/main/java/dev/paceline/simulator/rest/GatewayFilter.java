package dev.paceline.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.simulator.config.SimulatorConfig;
import dev.paceline.simulator.service.ApplicationStatus;
import dev.paceline.simulator.service.CallCounters;
import dev.paceline.simulator.service.FaultInjector;
import dev.paceline.simulator.service.RateLimiter;
import dev.paceline.simulator.service.SimClock;
import dev.paceline.simulator.service.StravaException;
import dev.paceline.simulator.service.TokenService;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * What Strava does in front of every endpoint, in its order: the application switch (403), the bearer token (401,
 * without rate-limit headers), the rate limits (headers on every answer, 429 when over, rejected calls counted),
 * then any armed fault. Also hides {@code /admin} unless enabled and counts every Strava call.
 */
@ApplicationScoped
public class GatewayFilter {

    static final String API = "/api/v3/";
    static final String OAUTH = "/oauth/";
    private static final String PUSH = "/api/v3/push_subscriptions";

    private final SimulatorConfig config;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final CallCounters counters;
    private final ApplicationStatus status;
    private final SimClock clock;

    public GatewayFilter(SimulatorConfig config, TokenService tokens, RateLimiter limiter, FaultInjector faults,
                         CallCounters counters, ApplicationStatus status, SimClock clock) {
        this.config = config;
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.counters = counters;
        this.status = status;
        this.clock = clock;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 100);
    }

    void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/admin")) {
            if (!config.admin().enabled()) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
                                + "\"the admin API is disabled: start the simulator with "
                                + "-Dsimulator.admin.enabled=true (or SIMULATOR_ADMIN_ENABLED=true)\"}");
                return;
            }
            ctx.next();
            return;
        }
        boolean api = path.startsWith(API);
        boolean oauth = path.startsWith(OAUTH);
        if (!api && !oauth) {
            ctx.next();
            return;
        }
        String method = ctx.request().method().name();
        ctx.addEndHandler(v -> counters.record(method, path, ctx.response().getStatusCode(), clock.epochSecond()));
        if (!status.active()) {
            json(ctx.response(), 403, StravaException.applicationInactive());
            return;
        }
        if (api && !path.startsWith(PUSH)) {
            if (tokens.authenticate(ctx.request().getHeader("Authorization")).isEmpty()) {
                json(ctx.response(), 401, StravaException.invalidToken());
                return;
            }
        }
        if (api) {
            RateLimiter.Usage usage = limiter.record(true);
            HttpServerResponse r = ctx.response();
            r.putHeader("X-RateLimit-Limit", usage.limitHeader());
            r.putHeader("X-RateLimit-Usage", usage.usageHeader());
            r.putHeader("X-ReadRateLimit-Limit", usage.readLimitHeader());
            r.putHeader("X-ReadRateLimit-Usage", usage.readUsageHeader());
            if (usage.exceeded()) {
                json(r, 429, StravaException.rateLimitExceeded());
                return;
            }
        }
        Optional<FaultInjector.Kind> fault = faults.take(method, path);
        if (fault.isPresent()) {
            inject(ctx, fault.get());
            return;
        }
        ctx.next();
    }

    private void inject(RoutingContext ctx, FaultInjector.Kind kind) {
        HttpServerResponse r = ctx.response();
        switch (kind) {
            case ERROR_500, ERROR_502, ERROR_503 -> {
                String reason = switch (kind.status()) {
                    case 500 -> "Internal Server Error";
                    case 502 -> "Bad Gateway";
                    default -> "Service Unavailable";
                };
                json(r, kind.status(), StravaException.body(reason, "Simulator", "fault", "injected"));
            }
            case MALFORMED_JSON -> r.setStatusCode(200).putHeader("Content-Type", ExceptionMappers.JSON)
                    .end("{\"resource_state\":2,\"id\":1,\"name\":\"trunc");
            case HANG -> ctx.vertx().setTimer(config.admin().hangDuration().toMillis(), id -> {
                if (!r.ended() && !r.closed()) {
                    ctx.request().connection().close();
                }
            });
            case CONNECTION_RESET -> ctx.request().connection().close();
            default -> throw new IllegalStateException("unhandled fault " + kind);
        }
    }

    private static void json(HttpServerResponse r, int statusCode, ObjectNode body) {
        r.setStatusCode(statusCode).putHeader("Content-Type", ExceptionMappers.JSON).end(body.toString());
    }
}
