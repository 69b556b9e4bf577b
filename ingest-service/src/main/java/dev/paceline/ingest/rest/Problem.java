package dev.paceline.ingest.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details.
 *
 * @param type a URI naming the problem kind
 * @param title short summary
 * @param status HTTP status
 * @param detail what went wrong and how to fix it
 */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("https://paceline.dev/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                        title, status, detail))
                .build();
    }
}
