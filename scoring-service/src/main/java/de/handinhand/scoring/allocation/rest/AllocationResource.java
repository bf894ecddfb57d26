package de.handinhand.scoring.allocation.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.allocation.api.AllocationRequest;
import de.handinhand.scoring.allocation.api.AllocationView;
import de.handinhand.scoring.allocation.service.AllocationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

@Path("/api/scoring/calls/{callId}/allocation")
@Tag(name = "Allocation", description = "Funding allocation over the ranking")
public class AllocationResource {

    private final AllocationService allocation;

    public AllocationResource(AllocationService allocation) {
        this.allocation = allocation;
    }

    /**
     * The body is checked by the service, not with {@code @Valid} here: its constraints and the ones
     * that need the call (its budget, its categories) then come back together in one 422.
     */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "allocateBudget", summary = "Allocate a funding call's budget", description = "Walks the "
            + "ranking best first and funds each request (capped at the maximum) that fits into what is left, skipping "
            + "what does not; optionally per category share. Every entry gets a line with the reason. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The allocation, line by line")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Not a FUNDING call")
    @APIResponse(responseCode = "422", description = "Invalid amounts or shares, each listed")
    public AllocationView allocate(@PathParam("callId") UUID callId,
            @RequestBody(required = false) AllocationRequest request) {
        return allocation.allocate(callId, request);
    }
}
