package dev.paceline.api.problem;

import dev.paceline.api.problem.Problem;
import jakarta.ws.rs.core.Response;

/** Builds problem responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://paceline.dev/problems/";

    private Problems() {
    }

    public static Response.ResponseBuilder response(Response.Status status, String title, String detail, String instance,
            String parameter) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(BASE + slug, title, status.getStatusCode(), detail, instance, parameter));
    }
}
