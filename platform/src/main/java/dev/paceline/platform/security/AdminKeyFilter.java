package dev.paceline.platform.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Refuses a request to an {@link AdminOnly} endpoint unless it presents an admin-scoped API key. */
@AdminOnly
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AdminKeyFilter implements ContainerRequestFilter {

    private final ApiKeyGuard guard;

    public AdminKeyFilter(ApiKeyGuard guard) {
        this.guard = guard;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (guard.admin(request) instanceof ApiKeyGuard.Refused refused) {
            request.abortWith(refused.response());
        }
    }
}
