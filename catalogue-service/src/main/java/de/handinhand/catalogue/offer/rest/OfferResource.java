package de.handinhand.catalogue.offer.rest;

import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.Validity;
import de.handinhand.catalogue.offer.repository.OfferHistory;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.offer.service.OfferCommands;
import de.handinhand.catalogue.offer.service.OfferService;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.QueryParams;
import de.handinhand.common.web.problem.BadRequestException;
import de.handinhand.common.web.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/catalogue/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Integration offers (Angebote der Integration)")
public class OfferResource {

    static final Pattern KREIS = Pattern.compile("[0-9]{5}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    static final Pattern NEAR = Pattern.compile("\\s*(-?[0-9]{1,3}(?:\\.[0-9]{1,12})?)\\s*,\\s*(-?[0-9]{1,3}(?:\\.[0-9]{1,12})?)\\s*");
    static final double DEFAULT_RADIUS_KM = 10;
    static final double MAX_RADIUS_KM = 500;

    private final OfferService offers;
    private final OfferCommands commands;
    private final Clock clock;

    public OfferResource(OfferService offers, OfferCommands commands, Clock clock) {
        this.offers = offers;
        this.commands = commands;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Operation(summary = "Search offers", description = "Public: published offers, German full-text search (stemming, "
            + "umlauts typed as ae/oe/ue find ä/ö/ü), filters, a radius around near=lat,lon, facet counts and "
            + "paging (size at most 200). Offers whose validUntil lies before today (Europe/Berlin) are left out of "
            + "items and facets unless includeExpired=true, or validOn names the day to look at. Publishers may ask "
            + "for status=PROPOSED, ARCHIVED or REJECTED and get those of their own Kreis; without a token that is a "
            + "401, as another role or for another Kreis a 403. A malformed parameter is a 400 naming it.")
    @APIResponseSchema(value = SearchPage.class, responseCode = "200", responseDescription = "Offers and facets")
    public SearchPage list(
            @Parameter(description = "Search words (German stemming)") @QueryParam("q") String q,
            @Parameter(description = "Kreis AGS key") @QueryParam("kreis") String kreis,
            @QueryParam("municipality") String municipality,
            @Parameter(description = "Field-of-action code") @QueryParam("field") String field,
            @Parameter(description = "Target-group code") @QueryParam("targetGroup") String targetGroup,
            @Parameter(description = "Language the offer is given in (a code of GET /api/catalogue/taxonomy)")
            @QueryParam("language") String language,
            @QueryParam("free") String free,
            @Parameter(description = "Valid on this date (YYYY-MM-DD), past days included") @QueryParam("validOn") String validOn,
            @Parameter(description = "true: also offers whose validity has ended (default false)")
            @QueryParam("includeExpired") String includeExpired,
            @Parameter(description = "lat,lon of the centre of a radius search") @QueryParam("near") String near,
            @Parameter(description = "Radius in km around near (default 10, at most 500)") @QueryParam("radiusKm") String radiusKm,
            @Parameter(description = "relevance (default), title, distance (needs near) or updated") @QueryParam("sort") String sort,
            @Parameter(description = "PUBLISHED (default); publishers: PROPOSED, ARCHIVED, REJECTED") @QueryParam("status") String status,
            @Parameter(description = "Language to show texts in, German where missing") @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        String shown = language(lang, acceptLanguage);
        if (kreis != null && !kreis.isBlank() && !KREIS.matcher(kreis.strip()).matches()) {
            throw BadRequestException.ofParameter("kreis", "must be the 5-digit AGS key of a Kreis, such as 09174");
        }
        OfferStatus wanted = status(status);
        if (wanted != null && wanted != OfferStatus.PUBLISHED) {
            return offers.list(wanted, blankToNull(kreis), paging, shown);
        }
        return offers.search(query(q, kreis, municipality, field, targetGroup, language, free, validOn, includeExpired,
                Validity.today(clock), near, radiusKm, sort, paging), shown);
    }

    @GET
    @Path("/mine")
    @Authenticated
    @Operation(summary = "The caller's own proposals", description = "Any signed-in caller: the offers they proposed, "
            + "in every status, newest first; a submitter also sees the offers derived from their municipality's "
            + "entries. A rejected one carries the publisher's rejectionReason.")
    @APIResponseSchema(value = OfferPage.class, responseCode = "200", responseDescription = "A page of offers")
    public Page<OfferView> mine(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String acceptLanguage,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return offers.mine(paging, language(lang, acceptLanguage));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read one offer", description = "Public if published; otherwise only for "
            + "publishers of its Kreis.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "The offer")
    @APIResponse(responseCode = "404", description = "No such offer, or not visible to the caller")
    public OfferView get(@PathParam("id") UUID id, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        return offers.get(id, language(lang, acceptLanguage));
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or propose an offer", description = "A publisher of the offer's Kreis creates it "
            + "(PROPOSED, or PUBLISHED with ?publish=true); anyone else signed in proposes it for a publisher there "
            + "to review. German title required; codes as in GET /api/catalogue/taxonomy. Only a publisher of the "
            + "Kreis may set goodPractice: anyone else gets a 403 naming the field.")
    @APIResponseSchema(value = OfferView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "403", description = "publish=true or goodPractice=true by someone who does not "
            + "publish for that Kreis")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named")
    public Response create(OfferRequest request, @QueryParam("publish") String publish, @Context UriInfo uri) {
        OfferView created = commands.create(request, bool("publish", publish, false));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created)
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit an offer of the caller's Kreis", description = "The history records which fields "
            + "changed. goodPractice left out keeps the offer's mark.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Updated")
    public OfferView update(@PathParam("id") UUID id, OfferRequest request) {
        return commands.update(id, request);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Publish an offer (approves a proposal)")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Published")
    @APIResponse(responseCode = "409", description = "Already published")
    public OfferView publish(@PathParam("id") UUID id) {
        return commands.publish(id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a proposal, with a reason")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Rejected")
    @APIResponse(responseCode = "409", description = "Not a proposal")
    public OfferView reject(@PathParam("id") UUID id, Rejection rejection) {
        return commands.reject(id, rejection == null ? null : rejection.reason());
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Archive an offer")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Archived")
    public OfferView archive(@PathParam("id") UUID id) {
        return commands.archive(id);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Confirm that a published offer is still valid", description = "Sets lastConfirmedAt to now.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Confirmed")
    public OfferView confirm(@PathParam("id") UUID id) {
        return commands.confirm(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "An offer's change history", description = "Who changed what, and when, oldest first; "
            + "publishers of its Kreis.")
    @APIResponseSchema(value = ChangePage.class, responseCode = "200", responseDescription = "A page of changes")
    public Page<OfferHistory.Change> history(@PathParam("id") UUID id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return commands.history(id, paging);
    }

    @GET
    @Path("/unconfirmed")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Published offers of the caller's Kreis not confirmed for a while",
            description = "Oldest first; months defaults to 12.")
    @APIResponseSchema(value = OfferPage.class, responseCode = "200", responseDescription = "A page of offers")
    public Page<OfferView> unconfirmed(@QueryParam("months") String months, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        int m = QueryParams.integer("months", months, 12);
        if (m < 1 || m > 120) {
            throw BadRequestException.ofParameter("months", "must be between 1 and 120");
        }
        Page.Request paging = Page.request(page, size);
        return commands.unconfirmed(m, paging);
    }

    public record Rejection(String reason) {
    }

    /** For the OpenAPI document: the list shape with offers. */
    @Schema(name = "OfferPage")
    public record OfferPage(List<OfferView> items, long total, int page, int size) {
    }

    /** For the OpenAPI document: the list shape with history entries. */
    @Schema(name = "OfferChangePage")
    public record ChangePage(List<OfferHistory.Change> items, long total, int page, int size) {
    }

    // --- parameters ----------------------------------------------------------------------------

    /** The search the parameters ask for; {@code today} is the day offers must not have expired before. */
    static SearchQuery query(String q, String kreis, String municipality, String field, String targetGroup,
            String language, String free, String validOn, String includeExpired, LocalDate today, String near,
            String radiusKm, String sort, Page.Request paging) {
        String text = blankToNull(q);
        if (text != null && text.length() > 200) {
            throw BadRequestException.ofParameter("q", "at most 200 characters");
        }
        String place = blankToNull(municipality);
        if (place != null && place.length() > 200) {
            throw BadRequestException.ofParameter("municipality", "at most 200 characters");
        }
        String fieldCode = code("field", field, Arrays.stream(FieldOfAction.values()).map(Enum::name).toList());
        String groupCode = code("targetGroup", targetGroup, Arrays.stream(TargetGroup.values()).map(Enum::name).toList());
        String lang = blankToNull(language);
        if (lang != null && !OfferLanguage.isCode(lang)) {
            throw BadRequestException.ofParameter("language", "must be a language code of GET /api/catalogue/taxonomy, "
                    + "such as de or ar");
        }
        LocalDate day = null;
        if (blankToNull(validOn) != null) {
            try {
                day = LocalDate.parse(validOn.strip());
            } catch (DateTimeParseException e) {
                throw BadRequestException.ofParameter("validOn", "must be a date such as 2026-05-01");
            }
        }
        boolean expiredToo = bool("includeExpired", includeExpired, false);
        // An explicit day decides on its own which offers were valid then.
        LocalDate notExpiredOn = day != null || expiredToo ? null : today;
        Double lat = null;
        Double lon = null;
        Double radius = null;
        if (blankToNull(near) != null) {
            var m = NEAR.matcher(near);
            if (!m.matches()) {
                throw BadRequestException.ofParameter("near", "must be lat,lon such as 48.26,11.43");
            }
            lat = Double.parseDouble(m.group(1));
            lon = Double.parseDouble(m.group(2));
            if (lat < -90 || lat > 90) {
                throw BadRequestException.ofParameter("near", "latitude must be between -90 and 90");
            }
            if (lon < -180 || lon > 180) {
                throw BadRequestException.ofParameter("near", "longitude must be between -180 and 180");
            }
            radius = DEFAULT_RADIUS_KM;
        }
        if (blankToNull(radiusKm) != null) {
            if (lat == null) {
                throw BadRequestException.ofParameter("radiusKm", "needs near=lat,lon");
            }
            try {
                radius = Double.parseDouble(radiusKm.strip());
            } catch (NumberFormatException e) {
                throw BadRequestException.ofParameter("radiusKm", "must be a number of kilometres");
            }
            if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
                throw BadRequestException.ofParameter("radiusKm", "must be more than 0 and at most " + (int) MAX_RADIUS_KM);
            }
        }
        SearchQuery.Sort order = text != null ? SearchQuery.Sort.RELEVANCE : SearchQuery.Sort.UPDATED;
        if (blankToNull(sort) != null) {
            try {
                order = SearchQuery.Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw BadRequestException.ofParameter("sort", "must be relevance, title, distance or updated");
            }
            if (order == SearchQuery.Sort.DISTANCE && lat == null) {
                throw BadRequestException.ofParameter("sort", "distance needs near=lat,lon");
            }
        }
        return new SearchQuery(text, blankToNull(kreis), place, fieldCode, groupCode, lang,
                blankToNull(free) == null ? null : bool("free", free, false), day, notExpiredOn, lat, lon, radius,
                order, paging.page(), paging.size());
    }

    /** ?lang= first, then the first tag of Accept-Language; German when neither names a language. */
    static String language(String lang, String acceptLanguage) {
        if (blankToNull(lang) != null) {
            String l = lang.strip().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(l).matches()) {
                throw BadRequestException.ofParameter("lang", "must be an ISO 639-1 code such as de or en");
            }
            return l;
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
                String primary = tag.split("-")[0];
                if (LANGUAGE.matcher(primary).matches()) {
                    return primary;
                }
            }
        }
        return "de";
    }

    private static String code(String name, String value, List<String> known) {
        String v = blankToNull(value);
        if (v != null && !known.contains(v)) {
            throw BadRequestException.ofParameter(name, "must be one of " + String.join(", ", known));
        }
        return v;
    }

    private static boolean bool(String name, String value, boolean fallback) {
        if (blankToNull(value) == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw BadRequestException.ofParameter(name, "must be true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OfferStatus status(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return OfferStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.ofParameter("status", "must be one of " + Arrays.toString(OfferStatus.values()));
        }
    }
}
