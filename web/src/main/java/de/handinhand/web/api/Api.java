package de.handinhand.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The gateway's API as the signed-in person: their own access token goes with every call, so the
 * gateway and the services decide what they may see and do, exactly as for any other client.
 * Every method answers the raw response; {@link Gateway} reads it.
 */
@RegisterRestClient(configKey = "gateway")
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface Api {

    // --- catalogue ---------------------------------------------------------------------------

    @GET
    @Path("/catalogue/offers")
    Response offers(@RestQuery Map<String, String> query);

    @GET
    @Path("/catalogue/offers/{id}")
    Response offer(@PathParam("id") String id);

    @POST
    @Path("/catalogue/offers")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createOffer(@QueryParam("publish") boolean publish, JsonNode offer);

    @PUT
    @Path("/catalogue/offers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateOffer(@PathParam("id") String id, JsonNode offer);

    @POST
    @Path("/catalogue/offers/{id}/{action:publish|archive|confirm}")
    Response offerAction(@PathParam("id") String id, @PathParam("action") String action);

    @POST
    @Path("/catalogue/offers/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    Response rejectOffer(@PathParam("id") String id, Map<String, String> rejection);

    @GET
    @Path("/catalogue/offers/{id}/history")
    Response offerHistory(@PathParam("id") String id);

    @GET
    @Path("/catalogue/offers/unconfirmed")
    Response unconfirmedOffers(@QueryParam("months") int months);

    // --- calls and entries -------------------------------------------------------------------

    @GET
    @Path("/calls")
    Response calls(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/calls/{id}")
    Response call(@PathParam("id") String id);

    @GET
    @Path("/calls/{id}/form")
    Response form(@PathParam("id") String id);

    @POST
    @Path("/calls")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createCall(JsonNode call);

    @GET
    @Path("/submissions")
    Response submissions(@QueryParam("callId") String callId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createSubmission(JsonNode entry);

    @GET
    @Path("/submissions/{id}")
    Response submission(@PathParam("id") String id);

    @PUT
    @Path("/submissions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateSubmission(@PathParam("id") String id, JsonNode entry);

    @POST
    @Path("/submissions/{id}/{action:submit|reopen|withdraw}")
    Response submissionAction(@PathParam("id") String id, @PathParam("action") String action);

    @GET
    @Path("/submissions/{id}/versions")
    Response versions(@PathParam("id") String id);

    @GET
    @Path("/submissions/{id}/versions/{version}")
    Response version(@PathParam("id") String id, @PathParam("version") int version);

    @POST
    @Path("/submissions/{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Response upload(@PathParam("id") String id, @QueryParam("filename") String filename, byte[] content);

    @GET
    @Path("/submissions/{id}/attachments")
    Response attachmentsOf(@PathParam("id") String id);

    @GET
    @Path("/submissions/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId);

    @DELETE
    @Path("/submissions/{id}/attachments/{attachmentId}")
    Response deleteAttachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId);

    @POST
    @Path("/imports/legacy")
    @Consumes("text/plain; charset=UTF-8")
    Response importLegacy(@QueryParam("callId") String callId, @QueryParam("municipalityId") String municipalityId,
            String text);

    // --- jury --------------------------------------------------------------------------------

    @GET
    @Path("/scoring/cases")
    Response cases(@QueryParam("callId") String callId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/scoring/cases/{id}")
    Response juryCase(@PathParam("id") String id);

    @GET
    @Path("/scoring/cases/{id}/scores")
    Response sheet(@PathParam("id") String id);

    @PUT
    @Path("/scoring/cases/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    Response saveSheet(@PathParam("id") String id, JsonNode sheet);

    @GET
    @Path("/scoring/calls/{callId}")
    Response juryCall(@PathParam("callId") String callId);

    @GET
    @Path("/scoring/calls/{callId}/ranking")
    Response ranking(@PathParam("callId") String callId);

    @GET
    @Path("/scoring/calls/{callId}/ranking")
    @Produces("text/csv")
    Response rankingCsv(@PathParam("callId") String callId, @HeaderParam("Accept") String accept);

    @POST
    @Path("/scoring/calls/{callId}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    Response publishResults(@PathParam("callId") String callId, JsonNode request);

    @GET
    @Path("/scoring/calls/{callId}/results")
    Response results(@PathParam("callId") String callId);

    @PUT
    @Path("/scoring/calls/{callId}/jurors")
    @Consumes(MediaType.APPLICATION_JSON)
    Response setJurors(@PathParam("callId") String callId, List<String> jurors);
}
