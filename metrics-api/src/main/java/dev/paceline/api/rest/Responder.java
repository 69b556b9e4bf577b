package dev.paceline.api.rest;

import dev.paceline.api.problem.BadParameter;
import dev.paceline.api.query.Answer;
import dev.paceline.api.snapshot.Build;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@link Answer} into a response: the variant's ETag (the build id; "-csv" appended for CSV) with 304 on a
 * matching If-None-Match before any work, the data's as-of time, JSON or CSV by {@code format} or {@code Accept}.
 */
@ApplicationScoped
public class Responder {

    static final String JSON = "application/json";
    static final String CSV = "text/csv; charset=utf-8";
    static final String VARY = "Accept, Authorization, X-API-Key";

    /** JSON unless the format parameter or the Accept header asks for CSV. */
    public static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
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

    /** The entity tag of one variant of every answer of a build: JSON and CSV bytes differ, so their tags do. */
    public static String etag(String buildId, boolean csv) {
        return '"' + buildId + (csv ? "-csv" : "") + '"';
    }

    /** True when If-None-Match names {@code etag} (or '*'); weak tags compare by their value. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** True when the request's If-None-Match names the current tag of its variant. */
    public static boolean isNotModified(Build build, Request req) {
        return matches(req.ifNoneMatch(), etag(build.id(), req.csv()));
    }

    /** 304 with the headers of the answer it stands for. */
    public Response notModified(Build build, Request req) {
        return headers(Response.notModified(), build, etag(build.id(), req.csv())).build();
    }

    /** The answer rendered (or 304), without caching. */
    public Response respond(Build build, Request req, Answer answer) {
        if (isNotModified(build, req)) {
            return notModified(build, req);
        }
        return response(build, render(build, -1, req, answer));
    }

    /** Renders an answer to the bytes of the request's variant. */
    public Payload render(Build build, long athleteId, Request req, Answer answer) {
        Answer.Result result = answer.result().get();
        byte[] body = req.csv() ? Renderer.csv(result.rows()) : Renderer.json(result);
        return new Payload(build.id(), athleteId, body, req.csv() ? CSV : JSON, etag(build.id(), req.csv()), result.headers());
    }

    /** 200 with a rendered answer. */
    public Response response(Build build, Payload payload) {
        Response.ResponseBuilder rb = headers(Response.ok(payload.body(), payload.mediaType()), build, payload.etag());
        for (Map.Entry<String, String> h : payload.headers().entrySet()) {
            rb.header(h.getKey(), h.getValue());
        }
        return rb.build();
    }

    /** ETag, build id and as-of headers shared by 200 and 304. */
    private static Response.ResponseBuilder headers(Response.ResponseBuilder rb, Build build, String etag) {
        return rb.tag(EntityTag.valueOf(etag))
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
