package de.handinhand.scoring.decision.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.decision.api.DecisionRequest;
import de.handinhand.scoring.decision.api.DecisionView;
import de.handinhand.scoring.decision.service.DecisionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/calls/{callId}/decision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decision", description = "The committee's decision on a funding call's grants")
public class DecisionResource {

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "getDecision", summary = "Read the committee's decision on a funding call",
            description = "Each entry's decided grant beside the computed allocation, the total against the budget, "
            + "and every change (who, when, old → new, reason). Before anything is stored (stored: false) the lines "
            + "are the computed allocation as proposed. Organizers of the call only (a Kreis organizer: the Kreis's "
            + "calls).")
    @APIResponse(responseCode = "200", description = "The decision")
    @APIResponse(responseCode = "403", description = "Not an organizer of this call")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Not a FUNDING call, or the call has no budget")
    public DecisionView get(@PathParam("callId") UUID callId) {
        return decisions.get(callId);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "setDecision", summary = "Set grants of the committee's decision",
            description = "Sets the lines named (the others keep theirs; the first change stores the whole decision, "
            + "starting from the computed allocation). A grant may be partial, never above the request; a grant that "
            + "differs from the computed allocation needs a reason; the grants may not add up to more than the budget. "
            + "Every change goes into the history. Once the jury phase is over, until the results are published.")
    @APIResponse(responseCode = "200", description = "The decision as stored")
    @APIResponse(responseCode = "403", description = "Not an organizer of this call")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Not a FUNDING call, no budget, the jury phase not over, or "
            + "the results published (the decision is final)")
    @APIResponse(responseCode = "422", description = "Invalid lines, each named (lines[i].grantCents, "
            + "lines[i].reason, lines[i].submissionId): unknown entry, above the request, an unexplained deviation, "
            + "over the budget")
    public DecisionView put(@PathParam("callId") UUID callId, @Valid @NotNull DecisionRequest request) {
        return decisions.put(callId, request);
    }
}
