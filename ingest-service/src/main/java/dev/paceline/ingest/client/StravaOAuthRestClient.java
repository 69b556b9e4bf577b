package dev.paceline.ingest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Strava's OAuth token endpoint (code exchange and refresh). */
@RegisterRestClient(configKey = "strava-oauth")
@Produces(MediaType.APPLICATION_JSON)
public interface StravaOAuthRestClient {

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response refresh(@FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("grant_type") String grantType, @FormParam("refresh_token") String refreshToken);

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response exchange(@FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("grant_type") String grantType, @FormParam("code") String code);
}
