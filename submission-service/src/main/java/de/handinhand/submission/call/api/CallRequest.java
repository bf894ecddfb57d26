package de.handinhand.submission.call.api;

import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.validation.CrossFieldRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/calls} and {@code PUT /api/calls/{id}}: what an organizer decides about a
 * call. Beyond each field's own rules: opensAt before deadline before juryEndsAt, resultsAt not
 * before juryEndsAt, all of them between 1970 and 9999, no category twice, a budget exactly for
 * FUNDING calls, an entry form (not the final report's), and PROJEKTFOERDERUNG for FUNDING calls
 * only. Whether {@code kreisId} is a registered Kreis and whether the caller may run its calls
 * needs the registry and the token: the service decides.
 */
@CrossFieldRules
@Schema(name = "CallRequest", description = "What an organizer decides about a call: opensAt < deadline < juryEndsAt "
        + "<= resultsAt (instants between 1970 and 9999), categories without repetition, budgetCents exactly for "
        + "FUNDING calls, formTemplate an entry form (PROJEKTFOERDERUNG for FUNDING calls only; PROJEKTBERICHT is "
        + "the final report's form), kreisId a registered Kreis.", example = """
        {"title": "Zusammenleben Hand in Hand 2026", "kind": "COMPETITION",
         "formTemplate": "ZUSAMMENLEBEN_HAND_IN_HAND", "opensAt": "2026-03-01T00:00:00Z",
         "deadline": "2026-06-30T22:00:00Z", "juryEndsAt": "2026-09-30T22:00:00Z",
         "categories": ["LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"], "budgetCents": null}""")
public record CallRequest(
        @NotBlank @Size(max = Rules.TITLE_MAX, message = Rules.AT_MOST_CHARACTERS) String title,
        @NotNull CallKind kind,
        @NotNull @Schema(description = "The entry form: ZUSAMMENLEBEN_HAND_IN_HAND, FLUECHTLINGSDIALOG or "
                + "PROJEKTFOERDERUNG (FUNDING calls only). PROJEKTBERICHT is the final report's form, no call's")
        FormTemplate formTemplate,
        @NotNull Instant opensAt,
        @NotNull @Schema(description = "Submission deadline; after it only an organizer's extension allows a submit")
        Instant deadline,
        @NotNull Instant juryEndsAt,
        @Schema(description = "When results are published; optional") Instant resultsAt,
        @NotEmpty(message = "at least one category is required")
        @Size(max = MAX_CATEGORIES, message = "at most {max} categories")
        @Schema(description = "Category codes, e.g. LANDKREIS, STADT_GROSS, GEMEINDE_KLEIN")
        List<@NotNull @Pattern(regexp = Rules.CODE, message = CATEGORY_MESSAGE) String> categories,
        @Positive @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE)
        @Schema(description = "Budget in euro cents; required for FUNDING calls, absent otherwise") Long budgetCents,
        @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE)
        @Schema(description = "The Kreis that runs the call (5-digit AGS key of a registered Landkreis or "
                + "kreisfreie Stadt): only its organizers manage the call, and only municipalities in it and "
                + "applicants working in it enter. An organizer whose token has kreis_id must give exactly that "
                + "one. Absent: a call no Kreis runs.", example = "08125") String kreisId)
        implements CrossFieldRules.Checked {

    static final int MAX_CATEGORIES = 20;
    static final String CATEGORY_MESSAGE = "must be an upper-case code such as STADT_GROSS";

    @Override
    public void check(Errors errors) {
        errors.plausibleInstant("opensAt", opensAt)
                .plausibleInstant("deadline", deadline)
                .plausibleInstant("juryEndsAt", juryEndsAt)
                .plausibleInstant("resultsAt", resultsAt);
        if (opensAt != null && deadline != null && !opensAt.isBefore(deadline)) {
            errors.add("deadline", "must be after opensAt");
        }
        if (deadline != null && juryEndsAt != null && !deadline.isBefore(juryEndsAt)) {
            errors.add("juryEndsAt", "must be after deadline");
        }
        if (resultsAt != null && juryEndsAt != null && resultsAt.isBefore(juryEndsAt)) {
            errors.add("resultsAt", "must not be before juryEndsAt");
        }
        if (categories != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < categories.size(); i++) {
                String code = categories.get(i);
                // A code that is no code at all is reported by its own constraint already.
                if (code != null && code.matches(Rules.CODE) && !seen.add(code)) {
                    errors.add("categories[" + i + "]", "duplicate category " + code);
                }
            }
        }
        if (formTemplate != null && !formTemplate.entryForm()) {
            errors.add("formTemplate", formTemplate + " is the final report of a funded project, not a call's form");
        } else if (formTemplate == FormTemplate.PROJEKTFOERDERUNG && kind != null && kind != CallKind.FUNDING) {
            errors.add("formTemplate", "PROJEKTFOERDERUNG asks for an amount: it is the form of FUNDING calls only");
        }
        if (kind == CallKind.FUNDING && budgetCents == null) {
            errors.add("budgetCents", "a funding call needs a budget in euro cents greater than 0");
        } else if (kind != null && kind != CallKind.FUNDING && budgetCents != null) {
            errors.add("budgetCents", "only FUNDING calls have a budget");
        }
    }
}
