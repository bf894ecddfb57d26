package de.handinhand.submission.call.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.call.service.CallService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls", description = "Competitions and funding calls (Ausschreibungen)")
public class CallResource {

    private final CallService calls;

    public CallResource(CallService calls) {
        this.calls = calls;
    }

    @GET
    @PermitAll
    @Operation(summary = "List calls", description = "Public; newest first, paginated.")
    public Page<CallView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return calls.list(Page.request(page, size));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read one call", description = "Public.")
    @APIResponse(responseCode = "404", description = "No such call")
    public CallView get(@PathParam("id") UUID id) {
        return calls.get(id);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a call", description = "Organizers only. Announces the call with a "
            + "handinhand.call.published event.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "422", description = "Invalid fields, each listed in errors")
    public Response create(CallRequest request, @Context UriInfo uri) {
        CallView created = calls.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }
}
