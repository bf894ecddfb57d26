package de.handinhand.common.messaging.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code handinhand.results.published} on topic {@code scoring-events} (key: the call id),
 * written by the scoring service. Every active entry of every category is listed with its rank
 * (null if unscored) and a {@code winner} flag: true for ranks 1..{@code winnersPerCategory}
 * (entries tied at the last winning rank all win). The catalogue marks winners' offers from
 * {@code submissionId}; a later publication of the same call replaces an earlier one.
 * <p>
 * {@code revision} counts the call's publications (1 for the first, +1 per correction; 0 in events
 * written before it existed, to be read as 1); a consumer that has applied a higher revision ignores
 * a lower one. {@code correction} and {@code correctionReason} mark a corrected publication. Per
 * entry, {@code grantCents} is the decided grant of a FUNDING call (0 when not funded; null for
 * competitions), {@code prizes} the prizes it won with their amounts (empty when none); {@code winner}
 * is true when it holds a prize that is not special.
 */
public record ResultsPublished(
        @NotNull UUID callId,
        String title,
        String kind,
        Instant publishedAt,
        String rankedBy,
        int winnersPerCategory,
        @NotNull List<@NotNull @Valid Category> categories,
        int revision,
        boolean correction,
        String correctionReason) {

    public record Category(String category, @NotNull List<@NotNull @Valid Entry> entries) {
    }

    public record Entry(@NotNull UUID submissionId, String municipalityId, String municipalityName, String title,
            Integer rank, Double normalized, Double mean, int jurorCount, boolean winner, Long grantCents,
            List<Prize> prizes) {
    }

    /** A prize an entry won: its name, its amount in euro cents (null when none), whether a special prize. */
    public record Prize(String name, Long cents, boolean special) {
    }
}
