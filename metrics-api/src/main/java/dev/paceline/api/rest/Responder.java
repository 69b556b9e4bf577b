package dev.paceline.api.rest;

import dev.paceline.api.Answer;
import dev.paceline.api.Build;
import dev.paceline.api.Payload;
import dev.paceline.api.BadParameter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Turns an {@link Answer} into a response: ETag = build id (304 on a matching If-None-Match, before any work), the
 * data's as-of time, JSON or CSV by {@code format} or {@code Accept}, and serialized bodies cached per build and query.
 */
@ApplicationScoped
public class Responder {

    static final String JSON = "application/json";
    static final String CSV = "text/csv; charset=utf-8";
    static final String VARY = "Accept, Authorization, X-API-Key";

    /** JSON unless the format parameter or the Accept header asks for CSV. */
    public static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BadParameter("format", "format: '" + format + "' is not accepted; use json or csv");
            };
        }
        if (accept == null) {
            return false;
        }
        int csv = accept.indexOf("text/csv");
        if (csv < 0) {
            return false;
        }
        int json = accept.indexOf("application/json");
        return json < 0 || csv < json;
    }

    /** True when If-None-Match names the build's tag (or '*'). */
    public static boolean notModified(Build build, String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(build.etag())) {
                return true;
            }
        }
        return false;
    }

    public Response respond(Build build, Request req, Answer answer) {
        if (notModified(build, req.ifNoneMatch())) {
            return headers(Response.notModified(), build).build();
        }
        String key = build.id() + (req.csv() ? "|csv|" : "|json|") + answer.key();
        Payload payload = answer.owner() == null ? null : answer.owner().response(key);
        if (payload == null) {
            Answer.Result result = answer.result().get();
            byte[] body = req.csv() ? Renderer.csv(result.rows())
                    : result.jsonObject() != null ? result.jsonObject() : Renderer.json(result.rows());
            payload = new Payload(body, req.csv() ? CSV : JSON, result.headers());
            if (answer.owner() != null) {
                answer.owner().keepResponse(key, payload);
            }
        }
        Response.ResponseBuilder rb = headers(Response.ok(payload.body(), payload.mediaType()), build);
        for (Map.Entry<String, String> h : payload.headers().entrySet()) {
            rb.header(h.getKey(), h.getValue());
        }
        return rb.build();
    }

    /** ETag, build id and as-of headers shared by 200 and 304. */
    public static Response.ResponseBuilder headers(Response.ResponseBuilder rb, Build build) {
        return rb.tag(new EntityTag(build.id()))
                .header("Paceline-Build", build.id())
                .header("Paceline-As-Of", build.manifest().asOf())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header(HttpHeaders.VARY, VARY);
    }

    /** What the responder needs from the request. */
    public record Request(boolean csv, String ifNoneMatch) {

        /** From the format parameter, the Accept header and If-None-Match; 400 on a format other than json or csv. */
        public static Request of(String format, String accept, String ifNoneMatch) {
            return new Request(wantsCsv(format, accept), ifNoneMatch);
        }
    }
}
