package de.handinhand.scoring.jury.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.jury.api.JurorItem;
import de.handinhand.scoring.jury.api.JurorNames;
import de.handinhand.scoring.jury.api.JurorsView;
import de.handinhand.scoring.jury.service.JuryService;
import de.handinhand.scoring.validation.DistinctElements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/scoring/calls/{callId}/jurors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "A call's jurors and the jurors' conflicts of interest")
public class JurorsResource {

    private final JuryService jury;

    public JurorsResource(JuryService jury) {
        this.jury = jury;
    }

    @GET
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "listJurors",
            summary = "List a call's jurors", description = "A page of the jurors by user name, each with their "
            + "load (assigned active entries) and how many of those they have finalised.")
    @APIResponse(responseCode = "200", description = "A page of jurors")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "No such call")
    public Page<JurorItem> jurors(@PathParam("callId") UUID callId, @Valid @BeanParam PageParams paging) {
        return jury.listJurors(callId, paging.request());
    }

    @PUT
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "setJurors",
            summary = "Set a call's jurors", description = "Replaces the jury with the given user names "
            + "([\"juror1\", \"juror2\"]). A juror who is no longer on it loses their assignments of this call; they "
            + "are listed in removedAssignments.")
    @APIResponse(responseCode = "200", description = "The jury as stored")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "422", description = "Invalid or duplicate user names")
    public JurorsView setJurors(@PathParam("callId") UUID callId,
            @Valid @NotNull @Size(max = JurorNames.MAX_JURORS) @DistinctElements
            List<@NotNull @Size(max = JurorNames.MAX_LENGTH) @Pattern(regexp = JurorNames.PATTERN,
                    message = JurorNames.MESSAGE) String> usernames) {
        return jury.setJurors(callId, usernames);
    }

}
