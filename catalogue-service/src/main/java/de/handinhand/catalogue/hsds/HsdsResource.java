package de.handinhand.catalogue.hsds;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.QueryParams;
import de.handinhand.common.web.problem.BadRequestException;
import de.handinhand.common.web.problem.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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

    static final int DEFAULT_PER_PAGE = Page.DEFAULT_SIZE;

    private final HsdsExport export;

    public HsdsResource(HsdsExport export) {
        this.export = export;
    }

    @GET
    @Operation(summary = "About this HSDS API", description = "The HSDS version the export follows")
    @APIResponseSchema(value = Hsds.ApiInfo.class, responseCode = "200", responseDescription = "Version and profile")
    public Hsds.ApiInfo info() {
        return new Hsds.ApiInfo(Hsds.VERSION, "https://docs.openreferral.org/en/v3.0/", "/q/openapi");
    }

    @GET
    @Path("/services")
    @Operation(summary = "Services (HSDS 3.0)", description = "Published offers as fully nested HSDS services, oldest "
            + "change first (then by id), so paging with modified_after gives an incremental sync. A malformed "
            + "parameter or per_page above 200 is a 400 naming it.")
    @APIResponseSchema(value = ServicePage.class, responseCode = "200", responseDescription = "A page of services")
    public Hsds.Page<Hsds.Service> services(
            @Parameter(description = "Search words, German stemming as in the offer search") @QueryParam("search") String search,
            @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "Services per page (default 20, at most 200)") @QueryParam("per_page") String perPage,
            @Parameter(description = "Only services changed at or after this instant (ISO 8601) or date")
            @QueryParam("modified_after") String modifiedAfter) {
        return export.services(query(search, page, perPage, modifiedAfter));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "One service (HSDS 3.0)", description = "A published offer, fully nested; 404 otherwise")
    @APIResponseSchema(value = Hsds.Service.class, responseCode = "200", responseDescription = "The service")
    @APIResponse(responseCode = "404", description = "No published offer with this id")
    public Hsds.Service service(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        return export.service(uuid).orElseThrow(() -> new NotFoundException("No published offer " + uuid));
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "Organizations (HSDS 3.0)", description = "The providers (Träger) of published offers, one "
            + "per provider name, by name; search matches the provider's name, modified_after its offers' last change")
    @APIResponseSchema(value = OrganizationPage.class, responseCode = "200", responseDescription = "A page of organizations")
    public Hsds.Page<Hsds.Organization> organizations(
            @Parameter(description = "Words of the provider's name") @QueryParam("search") String search,
            @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "Organizations per page (default 20, at most 200)") @QueryParam("per_page") String perPage,
            @Parameter(description = "Only providers with an offer changed at or after this instant or date")
            @QueryParam("modified_after") String modifiedAfter) {
        return export.organizations(query(search, page, perPage, modifiedAfter));
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "One organization (HSDS 3.0)", description = "A provider of at least one published offer")
    @APIResponseSchema(value = Hsds.Organization.class, responseCode = "200", responseDescription = "The organization")
    @APIResponse(responseCode = "404", description = "No provider of a published offer with this id")
    public Hsds.Organization organization(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        return export.organization(uuid).orElseThrow(() -> new NotFoundException("No organization " + uuid));
    }

    static HsdsExport.Query query(String search, String page, String perPage, String modifiedAfter) {
        String text = search == null || search.isBlank() ? null : search.strip();
        if (text != null && text.length() > 200) {
            throw BadRequestException.ofParameter("search", "at most 200 characters");
        }
        int number = QueryParams.integer("page", page, 1);
        if (number < 1 || number > 1_000_000) {
            throw BadRequestException.ofParameter("page", "must be between 1 and 1000000 (pages count from 1)");
        }
        int size = QueryParams.integer("per_page", perPage, DEFAULT_PER_PAGE);
        if (size < 1 || size > Page.MAX_SIZE) {
            throw BadRequestException.ofParameter("per_page", "must be between 1 and " + Page.MAX_SIZE);
        }
        return new HsdsExport.Query(text, instant(modifiedAfter), number, size);
    }

    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            Instant at = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(HsdsMapper.BERLIN).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
            if (at.isBefore(Instant.parse("1970-01-01T00:00:00Z")) || at.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw BadRequestException.ofParameter("modified_after", "must lie between 1970 and 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw BadRequestException.ofParameter("modified_after",
                    "must be an ISO 8601 instant such as 2026-05-01T00:00:00Z or a date such as 2026-05-01");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such record: " + id + " is not a UUID");
        }
    }

    /** For the OpenAPI document: the page wrapper with services. */
    public abstract static class ServicePage {
        public long total_items;
        public int total_pages;
        public int page_number;
        public int size;
        public boolean first_page;
        public boolean last_page;
        public boolean empty;
        public java.util.List<Hsds.Service> contents;
    }

    /** For the OpenAPI document: the page wrapper with organizations. */
    public abstract static class OrganizationPage {
        public long total_items;
        public int total_pages;
        public int page_number;
        public int size;
        public boolean first_page;
        public boolean last_page;
        public boolean empty;
        public java.util.List<Hsds.Organization> contents;
    }
}
