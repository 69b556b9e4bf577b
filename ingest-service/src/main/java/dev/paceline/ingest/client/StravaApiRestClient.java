package dev.paceline.ingest.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Strava API v3 endpoints used by ingest; raw responses so bodies stay byte-exact and headers readable. */
@RegisterRestClient(configKey = "strava-api")
@Produces(MediaType.APPLICATION_JSON)
public interface StravaApiRestClient {

    @GET
    @Path("/athlete")
    Response athlete(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/athlete/zones")
    Response zones(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/athlete/activities")
    Response activities(@HeaderParam("Authorization") String bearer, @QueryParam("before") Long before,
            @QueryParam("after") Long after, @QueryParam("page") int page, @QueryParam("per_page") int perPage);

    @GET
    @Path("/activities/{id}")
    Response activity(@HeaderParam("Authorization") String bearer, @PathParam("id") long id);

    @GET
    @Path("/activities/{id}/streams")
    Response streams(@HeaderParam("Authorization") String bearer, @PathParam("id") long id,
            @QueryParam("keys") String keys, @QueryParam("key_by_type") boolean keyByType);

    @GET
    @Path("/push_subscriptions")
    Response listSubscriptions(@QueryParam("client_id") String clientId, @QueryParam("client_secret") String clientSecret);

    @POST
    @Path("/push_subscriptions")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response createSubscription(@FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("callback_url") String callbackUrl, @FormParam("verify_token") String verifyToken);

    @DELETE
    @Path("/push_subscriptions/{id}")
    Response deleteSubscription(@PathParam("id") long id, @QueryParam("client_id") String clientId,
            @QueryParam("client_secret") String clientSecret);
}
