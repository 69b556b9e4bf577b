package dev.paceline.transform.rest;

import dev.paceline.transform.ModelException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A bad selection or model definition is the caller's (or the deployer's) to fix: 400 with the reason. */
@Provider
public class ModelExceptionMapper implements ExceptionMapper<ModelException> {

    @Override
    public Response toResponse(ModelException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(400, "Invalid model selection or definition", e.getMessage())).build();
    }
}
