package dev.paceline.api.security;

import dev.paceline.api.ApiKey;
import dev.paceline.api.problem.Problems;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every /api call needs a key: {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; else 401 problem. */
public class ApiKeyFilter {

    private final ApiKeys keys;
    private final Caller caller;

    public ApiKeyFilter(ApiKeys keys, Caller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext ctx) {
        if (!ctx.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String presented = ctx.getHeaderString("X-API-Key");
        String auth = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ((presented == null || presented.isBlank()) && auth != null) {
            if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                presented = auth.substring(7).trim();
            } else {
                return Optional.of(unauthorized("the Authorization header is not 'Bearer <key>'",
                        ctx.getUriInfo().getPath()));
            }
        }
        if (presented == null || presented.isBlank()) {
            return Optional.of(unauthorized("no API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'",
                    ctx.getUriInfo().getPath()));
        }
        Optional<ApiKey> key = keys.authenticate(presented.trim());
        if (key.isEmpty()) {
            return Optional.of(unauthorized("the API key is not valid: check the key, or ask for one (docs/api.md, Auth)",
                    ctx.getUriInfo().getPath()));
        }
        caller.set(key.get());
        return Optional.empty();
    }

    private static Response unauthorized(String detail, String path) {
        return Problems.response(Response.Status.UNAUTHORIZED, "Unauthorized", detail, path, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paceline\"")
                .build();
    }
}
