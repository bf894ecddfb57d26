package de.handinhand.catalogue.offer.rest;

import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.Coordinates;
import de.handinhand.common.web.problem.BadRequestException;
import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of the public search as query parameters, typed and bounded where they are declared
 * ({@code TypedParams} converts, the constraints bound; both answer 400 naming the parameter). What
 * no single parameter can say, {@link #query} decides: defaults and the rules that combine them.
 */
public class SearchParams {

    static final double DEFAULT_RADIUS_KM = 10;
    static final String MAX_RADIUS_KM = "500";

    @QueryParam("q")
    @Size(max = 200, message = Rules.AT_MOST_CHARACTERS)
    @Parameter(description = "Search words (German stemming; ae/oe/ue find ä/ö/ü)")
    public String q;

    @QueryParam("kreis")
    @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE)
    @Parameter(description = "Kreis AGS key")
    public String kreis;

    @QueryParam("municipality")
    @Size(max = Rules.NAME_MAX, message = Rules.AT_MOST_CHARACTERS)
    @Parameter(description = "Name of the town (any case)")
    public String municipality;

    @QueryParam("field")
    @Parameter(description = "Field-of-action code")
    public FieldOfAction field;

    @QueryParam("targetGroup")
    @Parameter(description = "Target-group code")
    public TargetGroup targetGroup;

    @QueryParam("language")
    @Parameter(description = "Language the offer is given in (a code of GET /api/catalogue/taxonomy)")
    public OfferLanguage language;

    @QueryParam("free")
    @Parameter(description = "true: only free offers; false: only offers with a cost")
    public Boolean free;

    @QueryParam("validOn")
    @Parameter(description = "Valid on this date (YYYY-MM-DD), past days included")
    public LocalDate validOn;

    @QueryParam("includeExpired")
    @DefaultValue("false")
    @Parameter(description = "true: also offers whose validity has ended")
    public Boolean includeExpired;

    @QueryParam("near")
    @Parameter(description = "lat,lon of the centre of a radius search")
    public Coordinates near;

    @QueryParam("radiusKm")
    @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most " + MAX_RADIUS_KM)
    @DecimalMax(value = MAX_RADIUS_KM, message = "must be more than 0 and at most " + MAX_RADIUS_KM)
    @Parameter(description = "Radius in km around near (default 10)")
    public Double radiusKm;

    @QueryParam("sort")
    @Parameter(description = "RELEVANCE (default with q), TITLE, DISTANCE (needs near) or UPDATED (default without q)")
    public SearchQuery.Sort sort;

    /**
     * The search these parameters ask for; {@code today} is the day (Berlin) before which expired
     * offers are left out, unless the caller asked for them or for a day of their own.
     */
    public SearchQuery query(Page.Request paging, LocalDate today) {
        if (radiusKm != null && near == null) {
            throw BadRequestException.ofParameter("radiusKm", "needs near=lat,lon");
        }
        if (sort == SearchQuery.Sort.DISTANCE && near == null) {
            throw BadRequestException.ofParameter("sort", "distance needs near=lat,lon");
        }
        String text = blankToNull(q);
        SearchQuery.Sort order = sort != null ? sort : text != null ? SearchQuery.Sort.RELEVANCE : SearchQuery.Sort.UPDATED;
        SearchQuery.Circle area = near == null ? null
                : new SearchQuery.Circle(near.lat(), near.lon(), radiusKm == null ? DEFAULT_RADIUS_KM : radiusKm);
        boolean expiredToo = Boolean.TRUE.equals(includeExpired);
        // An explicit day decides on its own which offers were valid then.
        LocalDate notExpiredOn = validOn != null || expiredToo ? null : today;
        return new SearchQuery(text, blankToNull(kreis), blankToNull(municipality), field, targetGroup, language, free,
                validOn, notExpiredOn, area, order, paging.page(), paging.size());
    }

    /** The Kreis asked for, if any: publishers' lists of other statuses are filtered by it too. */
    public String kreisFilter() {
        return blankToNull(kreis);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
