package de.handinhand.submission.municipality.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.municipality.api.MunicipalityRequest;
import de.handinhand.submission.municipality.api.MunicipalityView;
import de.handinhand.submission.municipality.service.MunicipalityService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities", description = "The registry of Kommunen, keyed by their official key (AGS)")
public class MunicipalityResource {

    private final MunicipalityService municipalities;

    public MunicipalityResource(MunicipalityService municipalities) {
        this.municipalities = municipalities;
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerMunicipality", summary = "Register a municipality",
            description = "Organizers only.")
    @APIResponseSchema(value = MunicipalityView.class, responseCode = "201", responseDescription = "Registered")
    @APIResponse(responseCode = "409", description = "The key is registered already")
    @APIResponse(responseCode = "422", description = "Inconsistent key, Kreis or Bundesland; every field is listed")
    public Response create(@Valid @NotNull MunicipalityRequest request, @Context UriInfo uri) {
        MunicipalityView created = municipalities.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ORGANIZER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMunicipality", summary = "Correct a municipality's data",
            description = "Organizers only; the key cannot change.")
    public MunicipalityView update(@PathParam("id") String id, @Valid @NotNull MunicipalityRequest request) {
        return municipalities.update(id, request);
    }

    @GET
    @PermitAll
    @Operation(operationId = "listMunicipalities", summary = "List municipalities", description = "Public, ordered "
            + "by name, paginated (a page or size out of range is a 400).")
    public Page<MunicipalityView> list(@Valid @BeanParam PageParams paging) {
        return municipalities.list(paging.request());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getMunicipality", summary = "Read one municipality by its AGS", description = "Public.")
    public MunicipalityView get(@PathParam("id") String id) {
        return municipalities.get(id);
    }
}
