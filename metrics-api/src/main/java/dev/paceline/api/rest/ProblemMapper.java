package dev.paceline.api.rest;

import dev.paceline.api.problem.BadParameter;
import dev.paceline.api.problem.NotFoundProblem;
import dev.paceline.api.problem.Problems;
import dev.paceline.api.snapshot.SnapshotException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as application/problem+json; no stack trace leaves the service. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response badParameter(BadParameter e, UriInfo uri) {
        return Problems.response(Response.Status.BAD_REQUEST, "Bad parameter", e.getMessage(), path(uri), e.parameter())
                .build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return Problems.response(Response.Status.NOT_FOUND, "Not found", e.getMessage(), path(uri), null).build();
    }

    @ServerExceptionMapper
    public Response unknownPath(NotFoundException e, UriInfo uri, Request request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            // several resources share /api/v1/athletes/{id}, so a non-GET there reaches no method: say why
            return Problems.response(Response.Status.METHOD_NOT_ALLOWED, "Method Not Allowed", "method "
                    + request.getMethod() + " not allowed on " + path(uri) + ": the API is read-only (GET)", path(uri), null)
                    .header("Allow", "GET").build();
        }
        return Problems.response(Response.Status.NOT_FOUND, "Not found", "no endpoint at " + path(uri)
                + ": see /q/openapi or docs/api.md for the endpoints", path(uri), null).build();
    }

    @ServerExceptionMapper
    public Response snapshot(SnapshotException e, UriInfo uri) {
        Log.warnf("serving snapshot unavailable for %s: %s", path(uri), e.getMessage());
        return Problems.response(Response.Status.SERVICE_UNAVAILABLE, "Snapshot unavailable",
                "the serving snapshot cannot be read right now (the cause is in the server log); retry later",
                path(uri), null).header("Retry-After", "30").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status s = Response.Status.fromStatusCode(status);
        String detail = e instanceof NotAllowedException ? "method not allowed on " + path(uri) + ": the API is read-only (GET)"
                : e.getMessage();
        return Problems.response(s == null ? Response.Status.BAD_REQUEST : s,
                s == null ? "Error" : s.getReasonPhrase(), detail, path(uri), null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.errorf(e, "unexpected failure on %s", path(uri));
        return Problems.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                "an unexpected error occurred; it is logged on the server", path(uri), null).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
