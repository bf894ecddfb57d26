package de.handinhand.common.web;

import de.handinhand.common.web.problem.BadRequestException;
import java.util.List;

/** The list envelope of API.md: {@code {"items": [...], "total": N, "page": P, "size": S}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /**
     * Checks paging parameters: page 0-based, size 1..200 (default 20); anything else is a 400.
     *
     * @deprecated take {@code @Valid @BeanParam PageParams paging} and call {@code paging.request()}
     *             ({@link de.handinhand.common.web.params.PageParams}); see common/ADOPTING.md
     */
    @Deprecated(forRemoval = true)
    @SuppressWarnings("removal")
    public static Request request(String page, String size) {
        int p = QueryParams.integer("page", page, 0);
        int s = QueryParams.integer("size", size, DEFAULT_SIZE);
        if (p < 0) {
            throw BadRequestException.ofParameter("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw BadRequestException.ofParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        return new Request(p, s);
    }

    public record Request(int page, int size) {

        public int offset() {
            return page * size;
        }
    }
}
