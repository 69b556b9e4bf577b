package dev.paceline.simulator.rest;

import dev.paceline.simulator.service.StravaException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Strava errors in Strava's format; admin errors as problem+json. */
public class ExceptionMappers {

    static final String JSON = "application/json; charset=utf-8";

    @ServerExceptionMapper
    public Response strava(StravaException e) {
        return Response.status(e.status()).type(JSON).entity(e.body()).build();
    }

    @ServerExceptionMapper
    public Response admin(AdminException e) {
        return Response.status(e.status()).type("application/problem+json")
                .entity(Problem.of(e.status(), Response.Status.fromStatusCode(e.status()).getReasonPhrase(),
                        e.getMessage())).build();
    }
}
