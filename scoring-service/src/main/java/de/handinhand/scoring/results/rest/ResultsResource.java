package de.handinhand.scoring.results.rest;

import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.results.api.ResultsRequest;
import de.handinhand.scoring.results.service.PublishedResults;
import de.handinhand.scoring.results.service.ResultsService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/calls/{callId}/results")
@Tag(name = "Results", description = "Publishing a call's results")
public class ResultsResource {

    private final ResultsService results;
    private final PublishedResults published;

    public ResultsResource(ResultsService results, PublishedResults published) {
        this.results = results;
        this.published = published;
    }

    /** Without a body the configured number of winners per category applies. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "publishResults", summary = "Publish a call's results", description = "Once, after the "
            + "jury phase: freezes the ranking and emits handinhand.results.published (every entry with rank and winner "
            + "flag; ranks 1..winnersPerCategory win). Scores, criteria and assignments are final afterwards.")
    @APIResponse(responseCode = "200", description = "The published results (the event's data)")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "The jury phase is not over, or results are already published")
    @APIResponse(responseCode = "422", description = "Invalid winnersPerCategory")
    public ResultsPublished publish(@PathParam("callId") UUID callId,
            @RequestBody(required = false) @Valid ResultsRequest request) {
        return results.publish(callId, request);
    }

    /**
     * Every signed-in caller (portals, municipalities, the jury): published results are public to
     * them, and before publication there are none to read (404), so no role decides anything here.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "getResults", summary = "Read a call's published results", description = "Exactly the "
            + "data of the results event, for every signed-in caller.")
    @APIResponse(responseCode = "200", description = "The published results")
    @APIResponse(responseCode = "404", description = "No such call, or results not published")
    public ResultsPublished results(@PathParam("callId") UUID callId) {
        return published.get(callId);
    }
}
