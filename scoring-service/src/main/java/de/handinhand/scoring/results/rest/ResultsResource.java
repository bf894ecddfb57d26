package de.handinhand.scoring.results.rest;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import de.handinhand.scoring.results.ResultsPublished;
import de.handinhand.scoring.results.service.PublishedResults;
import de.handinhand.scoring.results.service.ResultsService;

@Path("/api/scoring/calls/{callId}/results")
@Tag(name = "Results", description = "Publishing a call's results")
public class ResultsResource {

    private final ResultsService results;
    private final PublishedResults published;

    public ResultsResource(ResultsService results, PublishedResults published) {
        this.results = results;
        this.published = published;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Publish a call's results", description = "Once, after the jury phase: freezes the ranking and "
            + "emits handinhand.results.published (every entry with rank and winner flag; ranks 1..winnersPerCategory "
            + "win). Scores, criteria and assignments are final afterwards.")
    @APIResponse(responseCode = "200", description = "The published results (the event's data)")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "The jury phase is not over, or results are already published")
    @APIResponse(responseCode = "422", description = "Invalid winnersPerCategory")
    public ResultsPublished publish(@PathParam("callId") UUID callId, ResultsRequest request) {
        return results.publish(callId, request);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Read a call's published results", description = "Exactly the data of the results event.")
    @APIResponse(responseCode = "200", description = "The published results")
    @APIResponse(responseCode = "404", description = "No such call, or results not published")
    public JsonNode results(@PathParam("callId") UUID callId) {
        return published.get(callId);
    }
}
