package dev.paceline.ingest.rest;

import dev.paceline.ingest.client.StravaException;
import dev.paceline.ingest.governor.BudgetExhaustedException;
import dev.paceline.ingest.service.AthleteAuthorizationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps domain failures to application/problem+json with the cause and the fix. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response strava(StravaException e) {
        if (e instanceof StravaException.ApplicationInactive) {
            return Problem.response(503, "Strava application inactive", e.getMessage());
        }
        if (e instanceof StravaException.Transient) {
            return Problem.response(502, "Strava unavailable", e.getMessage());
        }
        return Problem.response(502, "Strava refused the request", e.getMessage());
    }

    @ServerExceptionMapper
    public Response authorization(AthleteAuthorizationException e) {
        return Problem.response(409, "Athlete authorization", e.getMessage());
    }

    @ServerExceptionMapper
    public Response budget(BudgetExhaustedException e) {
        return Problem.response(429, "Rate budget exhausted", e.getMessage());
    }
}
