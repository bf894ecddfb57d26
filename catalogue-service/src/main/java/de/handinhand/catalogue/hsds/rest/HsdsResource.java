package de.handinhand.catalogue.hsds.rest;

import de.handinhand.catalogue.hsds.api.Hsds;
import de.handinhand.catalogue.hsds.service.HsdsExport;
import de.handinhand.common.web.problem.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalogue as Open Referral HSDS 3.0, for other directories to take its data: published
 * offers only, no login, pages counted from 1 as in the HSDS API reference.
 */
@Path("/api/catalogue/hsds")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "HSDS export", description = "Published offers as Open Referral HSDS 3.0 services and organizations")
public class HsdsResource {

    private final HsdsExport export;

    public HsdsResource(HsdsExport export) {
        this.export = export;
    }

    @GET
    @Operation(operationId = "getHsdsInfo", summary = "About this HSDS API",
            description = "The HSDS version the export follows")
    @APIResponseSchema(value = Hsds.ApiInfo.class, responseCode = "200", responseDescription = "Version and profile")
    public Hsds.ApiInfo info() {
        return new Hsds.ApiInfo(Hsds.VERSION, "https://docs.openreferral.org/en/v3.0/", "/q/openapi");
    }

    @GET
    @Path("/services")
    @Operation(operationId = "listHsdsServices", summary = "Services (HSDS 3.0)", description = "Published offers as "
            + "fully nested HSDS services, oldest change first (then by id), so paging with modified_after gives an "
            + "incremental sync. A malformed parameter or per_page above 200 is a 400 naming it.")
    @APIResponseSchema(value = ServicePage.class, responseCode = "200", responseDescription = "A page of services")
    public Hsds.Page<Hsds.Service> services(@Valid @BeanParam HsdsParams query) {
        return export.services(query.query());
    }

    @GET
    @Path("/services/{id}")
    @Operation(operationId = "getHsdsService", summary = "One service (HSDS 3.0)",
            description = "A published offer, fully nested; 404 otherwise")
    @APIResponseSchema(value = Hsds.Service.class, responseCode = "200", responseDescription = "The service")
    @APIResponse(responseCode = "404", description = "No published offer with this id")
    public Hsds.Service service(@PathParam("id") UUID id) {
        return export.service(id).orElseThrow(() -> new NotFoundException("No published offer " + id));
    }

    @GET
    @Path("/organizations")
    @Operation(operationId = "listHsdsOrganizations", summary = "Organizations (HSDS 3.0)", description = "The "
            + "providers (Träger) of published offers, one per provider name, by name; search matches the provider's "
            + "name, modified_after its offers' last change")
    @APIResponseSchema(value = OrganizationPage.class, responseCode = "200", responseDescription = "A page of organizations")
    public Hsds.Page<Hsds.Organization> organizations(@Valid @BeanParam HsdsParams query) {
        return export.organizations(query.query());
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(operationId = "getHsdsOrganization", summary = "One organization (HSDS 3.0)",
            description = "A provider of at least one published offer")
    @APIResponseSchema(value = Hsds.Organization.class, responseCode = "200", responseDescription = "The organization")
    @APIResponse(responseCode = "404", description = "No provider of a published offer with this id")
    public Hsds.Organization organization(@PathParam("id") UUID id) {
        return export.organization(id).orElseThrow(() -> new NotFoundException("No organization " + id));
    }

    /** For the OpenAPI document: the page wrapper with services. */
    @Schema(description = "HSDS page of services; page_number counts from 1, size is the number on this page")
    public abstract static class ServicePage {
        public long total_items;
        public int total_pages;
        public int page_number;
        public int size;
        public boolean first_page;
        public boolean last_page;
        public boolean empty;
        public List<Hsds.Service> contents;
    }

    /** For the OpenAPI document: the page wrapper with organizations. */
    @Schema(description = "HSDS page of organizations; page_number counts from 1, size is the number on this page")
    public abstract static class OrganizationPage {
        public long total_items;
        public int total_pages;
        public int page_number;
        public int size;
        public boolean first_page;
        public boolean last_page;
        public boolean empty;
        public List<Hsds.Organization> contents;
    }
}
