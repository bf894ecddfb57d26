package de.handinhand.catalogue.hsds.rest;

import de.handinhand.catalogue.offer.Validity;
import de.handinhand.common.web.params.ParameterException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * HSDS's {@code modified_after}: an ISO 8601 instant with its offset, or a plain date, read as
 * midnight in Berlin (the offices' calendar). JAX-RS builds it with {@link #valueOf}; a value that
 * is neither is a 400 naming the parameter.
 */
@Schema(type = SchemaType.STRING, example = "2026-05-01T00:00:00Z",
        description = "ISO 8601 instant such as 2026-05-01T00:00:00Z, or a date such as 2026-05-01")
public record ModifiedAfter(Instant instant) {

    private static final Instant FIRST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    public static ModifiedAfter valueOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        Instant at;
        try {
            at = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(Validity.ZONE).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("must be an ISO 8601 instant such as 2026-05-01T00:00:00Z or a date such as 2026-05-01");
        }
        if (at.isBefore(FIRST) || at.isAfter(LAST)) {
            throw invalid("must lie between 1970 and 9999");
        }
        return new ModifiedAfter(at);
    }

    private static ParameterException invalid(String message) {
        return new ParameterException("Query parameter", "modified_after", message, 400);
    }
}
