package de.handinhand.scoring.assignment.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.assignment.api.AssignmentItem;
import de.handinhand.scoring.assignment.api.AssignmentRequest;
import de.handinhand.scoring.assignment.api.AssignmentView;
import de.handinhand.scoring.assignment.service.AssignmentService;
import de.handinhand.scoring.jury.api.JurorNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/calls/{callId}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assignments", description = "Which juror scores which entry")
public class AssignmentResource {

    private final AssignmentService assignments;

    public AssignmentResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "listAssignments", summary = "List a call's assignments", description = "A page of the "
            + "pairs in force (withdrawn entries' included, with their status), ordered by juror and submission id; "
            + "optionally only one juror's or one entry's. Each juror's load is in the call's juror list.")
    @APIResponse(responseCode = "200", description = "A page of assignments")
    @APIResponse(responseCode = "400", description = "Bad submissionId, juror, page or size")
    @APIResponse(responseCode = "404", description = "No such call")
    public Page<AssignmentItem> list(@PathParam("callId") UUID callId,
            @Parameter(description = "Only this juror's pairs")
            @QueryParam("juror") @Size(max = JurorNames.MAX_LENGTH) String juror,
            @Parameter(description = "Only this entry's pairs") @QueryParam("submissionId") UUID submissionId,
            @Valid @BeanParam PageParams paging) {
        return assignments.list(callId, juror, submissionId, paging.request());
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "assignJurors",
            summary = "Assign jurors", description = "MANUAL adds the given pairs (all "
            + "or nothing). AUTO gives every active entry k jurors, balancing loads and honouring conflicts; the same "
            + "seed and inputs give the same pairs, and a seed is generated and returned when none is given. Existing "
            + "assignments are kept.")
    @APIResponse(responseCode = "200", description = "The pairs added, all pairs, loads and understaffed entries")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Results are published")
    @APIResponse(responseCode = "422", description = "Unknown juror or entry, conflict of interest, bad k; each listed")
    public AssignmentView assign(@PathParam("callId") UUID callId, @Valid @NotNull AssignmentRequest request) {
        return assignments.assign(callId, request);
    }
}
