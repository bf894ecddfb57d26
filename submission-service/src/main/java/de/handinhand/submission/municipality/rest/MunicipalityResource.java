package de.handinhand.submission.municipality.rest;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/municipalities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities", description = "The registry of Kommunen, keyed by AGS")
public class MunicipalityResource {

    private final MunicipalityRepository municipalities;

    public MunicipalityResource(MunicipalityRepository municipalities) {
        this.municipalities = municipalities;
    }

    @GET
    @PermitAll
    @Operation(summary = "List municipalities", description = "Public, ordered by name.")
    public Page<MunicipalityView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return new Page<>(municipalities.page(paging.page(), paging.size()).stream().map(MunicipalityView::of).toList(),
                municipalities.count(), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read one municipality by its AGS", description = "Public.")
    public MunicipalityView get(@PathParam("id") String id) {
        return municipalities.findByIdOptional(id).map(MunicipalityView::of)
                .orElseThrow(() -> NotFoundException.of("Municipality", id));
    }
}
