package de.handinhand.catalogue.offer.rest;

import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.service.OfferService;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.BadRequestException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/catalogue/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers", description = "Integration offers (Angebote der Integration)")
public class OfferResource {

    private static final Pattern AGS = Pattern.compile("[0-9]{5,12}");

    private final OfferService offers;

    public OfferResource(OfferService offers) {
        this.offers = offers;
    }

    @GET
    @PermitAll
    @Operation(summary = "Search offers", description = "Public: published offers. Publishers may ask for "
            + "status=PROPOSED or ARCHIVED and get those of their own Kreis; asking for them without a token is a "
            + "401, as another role or for another Kreis a 403. A malformed parameter is a 400 naming it.")
    public Page<OfferView> list(@QueryParam("status") String status, @QueryParam("kreis") String kreis,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        if (kreis != null && !AGS.matcher(kreis).matches()) {
            throw BadRequestException.ofParameter("kreis", "must be an AGS key such as 09174");
        }
        return offers.list(status(status), kreis, Page.request(page, size));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read one offer", description = "Public if published; otherwise only for "
            + "publishers of its Kreis.")
    @APIResponseSchema(value = OfferView.class, responseCode = "200", responseDescription = "The offer")
    @APIResponse(responseCode = "404", description = "No such offer, or not visible to the caller")
    public OfferView get(@PathParam("id") UUID id) {
        return offers.get(id);
    }

    private static OfferStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OfferStatus.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.ofParameter("status", "must be one of " + Arrays.toString(OfferStatus.values()));
        }
    }
}
