package dev.paceline.api.security;

import dev.paceline.platform.security.ApiKeyGuard;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every /api call needs a key ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}), checked by the
 * platform's {@link ApiKeyGuard} as in ingest and transform; what the key may read is {@link Caller}'s to answer.
 */
public class ApiKeyFilter {

    private final ApiKeyGuard guard;
    private final Caller caller;

    public ApiKeyFilter(ApiKeyGuard guard, Caller caller) {
        this.guard = guard;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        ApiKeyGuard.Outcome outcome = guard.authenticate(ctx);
        if (outcome instanceof ApiKeyGuard.Accepted accepted) {
            caller.set(accepted.key());
            return Optional.empty();
        }
        return Optional.of(((ApiKeyGuard.Refused) outcome).response());
    }
}
