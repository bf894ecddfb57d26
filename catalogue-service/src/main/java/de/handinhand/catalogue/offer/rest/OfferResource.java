package de.handinhand.catalogue.offer.rest;

import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.Validity;
import de.handinhand.catalogue.offer.api.OfferChange;
import de.handinhand.catalogue.offer.api.OfferRequest;
import de.handinhand.catalogue.offer.api.OfferView;
import de.handinhand.catalogue.offer.api.Rejection;
import de.handinhand.catalogue.offer.api.SearchPage;
import de.handinhand.catalogue.offer.service.OfferCommands;
import de.handinhand.catalogue.offer.service.OfferService;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.Languages;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.security.PeopleOnly;
import de.handinhand.common.web.security.Roles;
import de.handinhand.common.web.validation.Rules;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The offers over HTTP. Parameters arrive typed and bounded (common-web's converters and their
 * constraints); bodies are validated by their records. Who may do what to which offer is the
 * services' business: roles are declared here, tenants checked there.
 */
@Path("/api/catalogue/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Integration offers (Angebote der Integration)")
public class OfferResource {

    /** Texts are shown in German where the caller names no language the offer has. */
    static final String FALLBACK_LANGUAGE = "de";

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
    @Operation(operationId = "searchOffers", summary = "Search offers", description = "Public: published offers, "
            + "German full-text search (stemming, umlauts typed as ae/oe/ue find ä/ö/ü), filters, a radius around "
            + "near=lat,lon, facet counts and paging (size at most 200). Offers whose validUntil lies before today "
            + "(Europe/Berlin) are left out of items and facets unless includeExpired=true, or validOn names the day to "
            + "look at. Publishers may ask for status=PROPOSED, ARCHIVED or REJECTED and get those of their own Kreis; "
            + "without a token that is a 401, as another role or for another Kreis a 403. A malformed parameter is a "
            + "400 naming it.")
    @APIResponseSchema(value = SearchPage.class, responseCode = "200", responseDescription = "Offers and facets")
    @APIResponse(responseCode = "401", description = "status other than PUBLISHED without a valid token")
    @APIResponse(responseCode = "403", description = "status other than PUBLISHED by someone who does not publish "
            + "for that Kreis")
    public SearchPage search(@Valid @BeanParam SearchParams search, @Valid @BeanParam PageParams paging,
            @Parameter(description = "PUBLISHED (default); publishers: PROPOSED, ARCHIVED, REJECTED")
            @QueryParam("status") OfferStatus status,
            @Parameter(description = LANG) @QueryParam("lang")
            @Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String lang,
            @Context HttpHeaders headers) {
        String shown = Languages.pick(lang, headers, FALLBACK_LANGUAGE);
        if (status != null && status != OfferStatus.PUBLISHED) {
            return offers.list(status, search.kreisFilter(), paging.request(), shown);
        }
        return offers.search(search.query(paging.request(), Validity.today(clock)), shown);
    }

    @GET
    @Path("/mine")
    @Authenticated
    @Operation(operationId = "listOwnProposals", summary = "The caller's own proposals", description = "Any signed-in "
            + "caller: the offers they proposed, in every status, newest first; a submitter also sees the offers "
            + "derived from their municipality's entries. A rejected one carries the publisher's rejectionReason.")
    @APIResponseSchema(value = OfferPage.class, responseCode = "200", responseDescription = "A page of offers")
    public Page<OfferView> mine(@Valid @BeanParam PageParams paging,
            @Parameter(description = LANG) @QueryParam("lang")
            @Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String lang,
            @Context HttpHeaders headers) {
        return offers.mine(paging.request(), Languages.pick(lang, headers, FALLBACK_LANGUAGE));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(operationId = "getOffer", summary = "Read one offer", description = "Public if published; otherwise "
            + "only for publishers of its Kreis and for whoever proposed it.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "The offer")
    @APIResponse(responseCode = "404", description = "No such offer, or not visible to the caller")
    public OfferView get(@PathParam("id") UUID id,
            @Parameter(description = LANG) @QueryParam("lang")
            @Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String lang,
            @Context HttpHeaders headers) {
        return offers.get(id, Languages.pick(lang, headers, FALLBACK_LANGUAGE));
    }

    @POST
    @Authenticated
    @PeopleOnly
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOffer", summary = "Create or propose an offer", description = "A publisher of the "
            + "offer's Kreis creates it (PROPOSED, or PUBLISHED with ?publish=true); anyone else signed in proposes it "
            + "for a publisher there to review. German title required; codes as in GET /api/catalogue/taxonomy. Only "
            + "a publisher of the Kreis may set goodPractice: anyone else gets a 403 naming the field. Portal clients "
            + "read only: their tokens get 403.")
    @APIResponseSchema(value = OfferView.class, responseCode = "201", responseDescription = "Created")
    @APIResponse(responseCode = "403", description = "publish=true or goodPractice=true by someone who does not "
            + "publish for that Kreis; any portal client")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named")
    public Response create(@Valid @NotNull OfferRequest request,
            @Parameter(description = "true: publish at once (publishers of the offer's Kreis only)")
            @QueryParam("publish") @DefaultValue("false") Boolean publish,
            @Context UriInfo uri) {
        OfferView created = commands.create(request, publish);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created)
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateOffer", summary = "Edit an offer of the caller's Kreis", description = "The "
            + "history records which fields changed. goodPractice left out keeps the offer's mark.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Updated")
    @APIResponse(responseCode = "422", description = "Invalid fields, each named")
    public OfferView update(@PathParam("id") UUID id, @Valid @NotNull OfferRequest request) {
        return commands.update(id, request);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(operationId = "publishOffer", summary = "Publish an offer (approves a proposal)", description = "A "
            + "publisher of the offer's Kreis publishes a proposal (approving it), a draft or an archived offer; it "
            + "becomes public and is announced as handinhand.offer.published.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Published")
    @APIResponse(responseCode = "409", description = "Already published")
    public OfferView publish(@PathParam("id") UUID id) {
        return commands.publish(id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.PUBLISHER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectOffer", summary = "Reject a proposal, with a reason", description = "A "
            + "publisher of the offer's Kreis turns a proposal down; the proposer reads the reason as rejectionReason.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Rejected")
    @APIResponse(responseCode = "409", description = "Not a proposal")
    @APIResponse(responseCode = "422", description = "No reason, or a reason too long")
    public OfferView reject(@PathParam("id") UUID id, @Valid @NotNull Rejection rejection) {
        return commands.reject(id, rejection.reason());
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(operationId = "archiveOffer", summary = "Archive an offer", description = "A publisher of the "
            + "offer's Kreis takes it out of the catalogue; it stays readable for the Kreis with its history.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Archived")
    public OfferView archive(@PathParam("id") UUID id) {
        return commands.archive(id);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(operationId = "confirmOffer", summary = "Confirm that a published offer is still valid",
            description = "Sets lastConfirmedAt to now.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "Confirmed")
    public OfferView confirm(@PathParam("id") UUID id) {
        return commands.confirm(id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(operationId = "listOfferChanges", summary = "An offer's change history", description = "Who changed "
            + "what, and when, oldest first; publishers of its Kreis.")
    @APIResponseSchema(value = ChangePage.class, responseCode = "200", responseDescription = "A page of changes")
    public Page<OfferChange> history(@PathParam("id") UUID id, @Valid @BeanParam PageParams paging) {
        return commands.history(id, paging.request());
    }

    @GET
    @Path("/unconfirmed")
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(operationId = "listUnconfirmedOffers", summary = "Published offers of the caller's Kreis not "
            + "confirmed for a while", description = "Oldest first.")
    @APIResponseSchema(value = OfferPage.class, responseCode = "200", responseDescription = "A page of offers")
    public Page<OfferView> unconfirmed(
            @Parameter(description = "Months since the last confirmation")
            @QueryParam("months") @DefaultValue("12") @Min(1) @Max(120) Integer months,
            @Valid @BeanParam PageParams paging) {
        return commands.unconfirmed(months, paging.request());
    }

    static final String LANG = "Language to show texts in (else the best of Accept-Language), German where missing";

    /** For the OpenAPI document: the list shape with offers. */
    @Schema(name = "OfferPage")
    public record OfferPage(List<OfferView> items, long total, int page, int size) {
    }

    /** For the OpenAPI document: the list shape with history entries. */
    @Schema(name = "OfferChangePage")
    public record ChangePage(List<OfferChange> items, long total, int page, int size) {
    }
}
