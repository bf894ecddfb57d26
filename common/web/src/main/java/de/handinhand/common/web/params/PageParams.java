package de.handinhand.common.web.params;

import de.handinhand.common.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging parameters of every list, {@code ?page=&size=}: take it as
 * {@code @Valid @BeanParam PageParams paging} and pass {@link #request()} on. {@code page} is
 * 0-based, {@code size} 1..{@value Page#MAX_SIZE} (default {@value Page#DEFAULT_SIZE}); anything else
 * is a 400 naming the parameter (a non-number through {@link TypedParams}, a number out of range
 * through the constraints, which also put the bounds into the OpenAPI document).
 */
public class PageParams {

    static final String SIZE_MESSAGE = "must be between 1 and " + Page.MAX_SIZE;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Parameter(description = "Page number, counted from 0")
    public Integer page;

    @QueryParam("size")
    @DefaultValue("" + Page.DEFAULT_SIZE)
    @Min(value = 1, message = SIZE_MESSAGE)
    @Max(value = Page.MAX_SIZE, message = SIZE_MESSAGE)
    @Parameter(description = "Items per page")
    public Integer size;

    public PageParams() {
    }

    public PageParams(Integer page, Integer size) {
        this.page = page;
        this.size = size;
    }

    /**
     * The checked paging. The bounds are checked here as well, so a resource that forgot
     * {@code @Valid} still cannot be asked for a million rows.
     */
    public Page.Request request() {
        int p = page == null ? 0 : page;
        int s = size == null ? Page.DEFAULT_SIZE : size;
        if (p < 0) {
            throw new ParameterException("Query parameter", "page", "must be 0 or more", 400);
        }
        if (s < 1 || s > Page.MAX_SIZE) {
            throw new ParameterException("Query parameter", "size", SIZE_MESSAGE, 400);
        }
        return new Page.Request(p, s);
    }
}
