package de.handinhand.common.messaging.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Data of {@code handinhand.submission.submitted}: the complete entry as submitted, so the jury
 * and the catalogue never need to call back. {@code version} counts submits; a consumer that has
 * seen a higher version ignores a lower one. {@code fieldsOfAction} and {@code targetGroups} are
 * the shared code lists of API.md, derived from the questionnaire (C26, C23) by the producer.
 * {@code requestedCents} is the amount a funding entry asks for. {@code imported} marks entries
 * that came from a legacy text export (their choice answers may be missing); {@code unplaced} holds
 * the lines of such an export that the parser could not place (empty otherwise), so the jury reads them
 * with the case. {@code organisation} names the initiative or association that entered (an
 * applicant's entry; {@code municipality} is then the Gemeinde it works in), null for a
 * municipality's own entry. {@code projectStart} and {@code projectEnd} are the project's period
 * for entries of the {@code PROJEKTFOERDERUNG} form (null otherwise), derived by the producer.
 * <p>
 * The constraints are what every consumer may rely on; the dispatcher dead-letters an event that
 * breaks them before any consumer's handler sees it.
 */
public record SubmissionSubmitted(
        @NotNull UUID submissionId,
        @NotNull UUID callId,
        String callKind,
        @Min(1) int version,
        String category,
        @NotNull String title,
        String summary,
        String description,
        Map<String, Object> answers,
        List<@NotNull @Valid ProjectSnapshot> projects,
        List<String> fieldsOfAction,
        List<String> targetGroups,
        Long requestedCents,
        @NotNull @Valid MunicipalityRef municipality,
        Instant submittedAt,
        boolean imported,
        String formTemplate,
        List<AttachmentRef> attachments,
        List<String> unplaced,
        String organisation,
        LocalDate projectStart,
        LocalDate projectEnd) {
}
