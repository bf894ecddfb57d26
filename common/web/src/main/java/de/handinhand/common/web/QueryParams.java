package de.handinhand.common.web;

import de.handinhand.common.web.problem.BadRequestException;
import java.util.UUID;

/**
 * Converts query parameters with a 400 that names the parameter. JAX-RS would answer a
 * parameter it cannot convert with a 404, which tells a client nothing.
 *
 * @deprecated declare the parameter with its type ({@code @QueryParam("callId") UUID callId},
 *             {@code Integer}, an enum…): {@link de.handinhand.common.web.params.TypedParams} converts
 *             it and answers 400 naming it; see common/ADOPTING.md
 */
@Deprecated(forRemoval = true)
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw BadRequestException.ofParameter(name, "must be a whole number");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.ofParameter(name, "must be a UUID");
        }
    }
}
