package de.handinhand.common.web;

import java.util.List;

/**
 * The list envelope of API.md: {@code {"items": [...], "total": N, "page": P, "size": S}}. Paging
 * parameters arrive checked through {@link de.handinhand.common.web.params.PageParams}.
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public record Request(int page, int size) {

        public int offset() {
            return page * size;
        }
    }
}
