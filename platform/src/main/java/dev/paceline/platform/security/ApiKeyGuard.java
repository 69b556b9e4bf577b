package dev.paceline.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paceline.platform.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Reads the API key of a request ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}) and decides: the
 * key, or a refusal as {@code application/problem+json} (401 without a valid key, 403 when an admin key is needed and
 * the key is scoped to athletes). Refusals name what to send and never echo the presented key or anything about the
 * configured ones.
 */
@ApplicationScoped
public class ApiKeyGuard {

    public static final String PROBLEM_JSON = "application/problem+json";
    /** Longest header value looked at: a key is a few dozen characters, a longer value is not one. */
    static final int MAX_KEY_LENGTH = 512;
    private static final String PROBLEMS = "https://paceline.dev/problems/";

    /** What the guard decided for one request. */
    public sealed interface Outcome permits Accepted, Refused {
    }

    /** The request carries {@code key}. */
    public record Accepted(ApiKey key) implements Outcome {
    }

    /** The request is refused with {@code response}. */
    public record Refused(Response response) implements Outcome {
    }

    private final ApiKeys keys;

    public ApiKeyGuard(ApiKeys keys) {
        this.keys = keys;
    }

    /** Any configured key passes. */
    public Outcome authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String presented = request.getHeaderString("X-API-Key");
        String auth = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ((presented == null || presented.isBlank()) && auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return unauthorized("the Authorization header is not 'Bearer <key>'", path);
            }
            presented = auth.substring(7);
        }
        if (presented == null || presented.isBlank()) {
            return unauthorized("no API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'", path);
        }
        String key = presented.trim();
        if (key.length() > MAX_KEY_LENGTH) {
            return unauthorized("the API key is not valid: check the key, or ask for one (docs/api.md, Auth)", path);
        }
        return keys.authenticate(key).<Outcome>map(Accepted::new)
                .orElseGet(() -> unauthorized("the API key is not valid: check the key, or ask for one (docs/api.md, Auth)",
                        path));
    }

    /** Only an admin-scoped key passes: the operations endpoints of ingest and transform. */
    public Outcome admin(ContainerRequestContext request) {
        Outcome outcome = authenticate(request);
        if (outcome instanceof Accepted accepted && !accepted.key().admin()) {
            return new Refused(problem(Response.Status.FORBIDDEN, "Forbidden", "this endpoint needs an admin key; the key "
                    + "presented is scoped to athletes (docs/api.md, Auth)", request.getUriInfo().getRequestUri().getRawPath())
                    .build());
        }
        return outcome;
    }

    private static Refused unauthorized(String detail, String path) {
        return new Refused(problem(Response.Status.UNAUTHORIZED, "Unauthorized", detail, path)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"paceline\"").build());
    }

    /** An RFC 9457 body written as a JSON tree: no reflection, so native images need no registration. */
    static Response.ResponseBuilder problem(Response.Status status, String title, String detail, String path) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("type", PROBLEMS + title.toLowerCase(Locale.ROOT))
                .put("title", title)
                .put("status", status.getStatusCode())
                .put("detail", detail)
                .put("instance", path);
        try {
            return Response.status(status).type(PROBLEM_JSON).entity(Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem body of plain strings cannot fail to serialize", e);
        }
    }
}
