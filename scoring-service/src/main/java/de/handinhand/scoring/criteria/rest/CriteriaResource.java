package de.handinhand.scoring.criteria.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.criteria.api.CriteriaRequest;
import de.handinhand.scoring.criteria.api.CriteriaView;
import de.handinhand.scoring.criteria.service.CriteriaService;
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

@Path("/api/scoring/calls/{callId}/criteria")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Criteria", description = "What the jury scores, with weights and scales")
public class CriteriaResource {

    private final CriteriaService criteria;

    public CriteriaResource(CriteriaService criteria) {
        this.criteria = criteria;
    }

    @GET
    @RolesAllowed({Roles.ORGANIZER, Roles.JUROR})
    @Operation(operationId = "getCriteria",
            summary = "Read a call's criteria", description = "The default set (scale 0–10, weight 1) until the "
            + "organizer sets others.")
    @APIResponse(responseCode = "200", description = "The criteria in force")
    @APIResponse(responseCode = "404", description = "No such call")
    public CriteriaView get(@PathParam("callId") UUID callId) {
        return criteria.get(callId);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "setCriteria",
            summary = "Set a call's criteria", description = "Replaces the criteria. Once scoring has started the "
            + "change needs \"confirm\": true; it then drops marks that no longer fit and reopens the final sheets "
            + "it touched.")
    @APIResponse(responseCode = "200", description = "The criteria as stored")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Scoring has started and the change was not confirmed, or "
            + "results are published")
    @APIResponse(responseCode = "422", description = "Invalid criteria, each field listed")
    public CriteriaView put(@PathParam("callId") UUID callId, @Valid @NotNull CriteriaRequest request) {
        return criteria.put(callId, request);
    }
}
