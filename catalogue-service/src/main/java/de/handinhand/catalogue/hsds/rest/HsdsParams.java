package de.handinhand.catalogue.hsds.rest;

import de.handinhand.catalogue.hsds.service.HsdsExport;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of both HSDS lists as the HSDS API reference has it: pages counted from 1 and
 * {@code per_page}, not the catalogue's own {@code page}/{@code size}; typed and bounded here, each
 * failure a 400 naming the parameter.
 */
public class HsdsParams {

    static final int MAX_PAGE = 1_000_000;
    static final String PER_PAGE_MESSAGE = "must be between 1 and " + Page.MAX_SIZE;

    @QueryParam("search")
    @Size(max = 200, message = Rules.AT_MOST_CHARACTERS)
    @Parameter(description = "Search words, German stemming as in the offer search")
    public String search;

    @QueryParam("page")
    @DefaultValue("1")
    @Min(value = 1, message = "must be between 1 and " + MAX_PAGE + " (pages count from 1)")
    @Max(value = MAX_PAGE, message = "must be between 1 and " + MAX_PAGE + " (pages count from 1)")
    @Parameter(description = "Page number, from 1")
    public Integer page;

    @QueryParam("per_page")
    @DefaultValue("" + Page.DEFAULT_SIZE)
    @Min(value = 1, message = PER_PAGE_MESSAGE)
    @Max(value = Page.MAX_SIZE, message = PER_PAGE_MESSAGE)
    @Parameter(description = "Records per page")
    public Integer perPage;

    @QueryParam("modified_after")
    @Parameter(description = "Only records changed at or after this instant (ISO 8601) or date (midnight in Berlin)")
    public ModifiedAfter modifiedAfter;

    HsdsExport.Query query() {
        String text = search == null || search.isBlank() ? null : search.strip();
        return new HsdsExport.Query(text, modifiedAfter == null ? null : modifiedAfter.instant(), page, perPage);
    }
}
