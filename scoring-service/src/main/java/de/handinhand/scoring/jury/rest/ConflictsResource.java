package de.handinhand.scoring.jury.rest;

import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.jury.api.ConflictsRequest;
import de.handinhand.scoring.jury.api.ConflictsView;
import de.handinhand.scoring.jury.api.JurorNames;
import de.handinhand.scoring.jury.service.JuryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/jurors/{username}/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "A call's jurors and the jurors' conflicts of interest")
public class ConflictsResource {

    private final JuryService jury;

    public ConflictsResource(JuryService jury) {
        this.jury = jury;
    }

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "getJurorConflicts", summary = "Read a juror's conflicts of interest")
    @APIResponse(responseCode = "200", description = "The declared conflicts")
    public ConflictsView conflicts(@PathParam("username") @Size(max = JurorNames.MAX_LENGTH)
            @Pattern(regexp = JurorNames.PATTERN, message = JurorNames.MESSAGE) String username) {
        return jury.getConflicts(username);
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "setJurorConflicts",
            summary = "Declare a juror's conflicts of interest", description = "Replaces the juror's conflicts "
            + "(municipalities, Kreise, Bundesländer). The juror can no longer see, be assigned or score a conflicted "
            + "entry; existing assignments to such entries are removed and listed in removedAssignments.")
    @APIResponse(responseCode = "200", description = "The conflicts as stored and the assignments removed")
    @APIResponse(responseCode = "422", description = "Invalid keys or codes, each listed")
    public ConflictsView setConflicts(@PathParam("username") @Size(max = JurorNames.MAX_LENGTH)
            @Pattern(regexp = JurorNames.PATTERN, message = JurorNames.MESSAGE) String username,
            @Valid @NotNull ConflictsRequest request) {
        return jury.setConflicts(username, request);
    }

}
