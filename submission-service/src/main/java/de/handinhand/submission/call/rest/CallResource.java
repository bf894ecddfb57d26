package de.handinhand.submission.call.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.call.api.CallRequest;
import de.handinhand.submission.call.api.CallView;
import de.handinhand.submission.call.service.CallService;
import de.handinhand.submission.form.api.FormView;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
    @Operation(operationId = "listCalls", summary = "List calls", description = "Public; newest first, paginated (a "
            + "page or size out of range is a 400).")
    public Page<CallView> list(@Valid @BeanParam PageParams paging) {
        return calls.list(paging.request());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getCall", summary = "Read one call", description = "Public.")
    @APIResponseSchema(value = CallView.class, responseCode = "200", responseDescription = "The call")
    @APIResponse(responseCode = "404", description = "No such call")
    public CallView get(@PathParam("id") UUID id) {
        return calls.get(id);
    }

    @GET
    @Path("/{id}/form")
    @PermitAll
    @Operation(operationId = "getCallForm", summary = "The call's entry form", description = "Public. Sections and "
            + "questions with codes, labels, types, option codes, limits and follow-up rules, so a portal can render "
            + "and check the form itself; the server checks the same rules on save and submit.")
    @APIResponseSchema(value = FormView.class, responseCode = "200", responseDescription = "The form")
    @APIResponse(responseCode = "404", description = "No such call")
    public FormView form(@PathParam("id") UUID id) {
        return calls.form(id);
    }

    @GET
    @Path("/{id}/report-form")
    @PermitAll
    @Operation(operationId = "getCallReportForm", summary = "The final report form of the call's funded projects",
            description = "Public. For PROJEKTFOERDERUNG calls: the PROJEKTBERICHT form a funded project files after "
                    + "its end (PUT /api/submissions/{id}/report), with its questions and the rules checked on submit.")
    @APIResponseSchema(value = FormView.class, responseCode = "200", responseDescription = "The report form")
    @APIResponse(responseCode = "404", description = "No such call, or its form has no final report")
    public FormView reportForm(@PathParam("id") UUID id) {
        return calls.reportForm(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCall", summary = "Change a call", description = "Organizers only; the same body "
            + "as for creating it. Kind, form and kreisId are fixed once the call has entries. An organizer whose "
            + "token has kreis_id changes only that Kreis's calls and keeps them there. Announces the new state with "
            + "handinhand.call.published.")
    @APIResponseSchema(value = CallView.class, responseCode = "200", responseDescription = "Changed")
    @APIResponse(responseCode = "403", description = "An organizer of another Kreis's calls (or of a Kreis's calls, "
            + "for a call no Kreis runs)")
    @APIResponse(responseCode = "404", description = "No such call")
    @APIResponse(responseCode = "409", description = "Kind, form or Kreis changed although entries exist")
    @APIResponse(responseCode = "422", description = "Invalid fields (an unregistered Kreis included), each listed "
            + "in errors")
    public CallView update(@PathParam("id") UUID id, @Valid @NotNull CallRequest request) {
        return calls.update(id, request);
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCall", summary = "Create a call", description = "Organizers only; an organizer "
            + "whose token has kreis_id creates calls of that Kreis only (kreisId exactly that one). Announces the "
            + "call with a handinhand.call.published event.")
    @APIResponseSchema(value = CallView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "403", description = "An organizer of one Kreis's calls and another kreisId, or none")
    @APIResponse(responseCode = "422", description = "Invalid fields (an unregistered Kreis included), each listed "
            + "in errors")
    public Response create(@Valid @NotNull CallRequest request, @Context UriInfo uri) {
        CallView created = calls.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }
}
