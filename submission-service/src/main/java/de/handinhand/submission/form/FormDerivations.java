package de.handinhand.submission.form;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.templates.ProjektfoerderungForm;
import de.handinhand.submission.municipality.Municipality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What follows from an entry's answers for the other services (the shared code lists of
 * API.md), and the read-only answers the server fills from the municipality registry.
 */
public final class FormDerivations {

    private FormDerivations() {
    }

    /** Fields of action: C26a–j answered, and those C26k names; for the dialogue report F50 and F51. */
    public static List<String> fieldsOfAction(Form form, Map<String, Object> answers) {
        Set<FieldOfAction> fields = EnumSet.noneOf(FieldOfAction.class);
        switch (form.template()) {
            case ZUSAMMENLEBEN_HAND_IN_HAND -> {
                for (FieldOfAction field : FieldOfAction.values()) {
                    if (field.question() != null && answers.get(field.question()) instanceof List<?> scopes
                            && !scopes.isEmpty()) {
                        fields.add(field);
                    }
                }
                if (answers.get("C26k") instanceof String more) {
                    fields.addAll(FieldOfAction.mentionedIn(more));
                }
            }
            case FLUECHTLINGSDIALOG -> {
                if (answers.get("F50") instanceof List<?> topics) {
                    topics.forEach(t -> fields.add(FieldOfAction.valueOf(t.toString())));
                }
                if (answers.get("F51") instanceof String more) {
                    fields.addAll(FieldOfAction.mentionedIn(more));
                }
            }
            case PROJEKTFOERDERUNG -> {
                if (answers.get(ProjektfoerderungForm.FIELDS) instanceof List<?> chosen) {
                    chosen.forEach(f -> fields.add(FieldOfAction.valueOf(f.toString())));
                }
            }
            case PROJEKTBERICHT -> {
                // A report names no fields of its own: its entry did.
            }
        }
        return fields.stream().map(Enum::name).toList();
    }

    /** Target groups: the C23 (competition) or P32 (project funding) answers that are target groups. */
    public static List<String> targetGroups(Form form, Map<String, Object> answers) {
        String question = form.template() == FormTemplate.PROJEKTFOERDERUNG ? ProjektfoerderungForm.TARGET_GROUPS
                : "C23";
        List<String> groups = new ArrayList<>();
        if (answers.get(question) instanceof List<?> chosen) {
            chosen.stream().map(String::valueOf).filter(TargetGroup::isCode).forEach(groups::add);
        }
        return groups;
    }

    /** A project's period (P40, P41 of PROJEKTFOERDERUNG); both null for other forms and unanswered dates. */
    public record Period(LocalDate start, LocalDate end) {
    }

    public static Period projectPeriod(Form form, Map<String, Object> answers) {
        if (form.template() != FormTemplate.PROJEKTFOERDERUNG) {
            return new Period(null, null);
        }
        return new Period(FormRules.date(answers, ProjektfoerderungForm.START),
                FormRules.date(answers, ProjektfoerderungForm.END));
    }

    /**
     * The answers with the read-only questions filled by the server: from the registry (A1–A3, F10,
     * the Gemeinde P12) and, for project funding, the organisation P11 — an applicant's from its
     * token, as the entry recorded it ({@code organisation}), else the entering municipality itself.
     */
    public static Map<String, Object> withRegistryAnswers(Form form, Map<String, Object> answers, Municipality m,
            String organisation) {
        Map<String, Object> all = new LinkedHashMap<>(answers);
        if (m == null) {
            return all;
        }
        switch (form.template()) {
            case ZUSAMMENLEBEN_HAND_IN_HAND -> {
                all.put("A1", m.name);
                all.put("A2", m.type.name());
                all.put("A3", m.bundesland);
            }
            case FLUECHTLINGSDIALOG -> all.put("F10", m.name);
            case PROJEKTFOERDERUNG -> {
                all.put(ProjektfoerderungForm.ORGANISATION, organisation == null ? m.name : organisation);
                all.put(ProjektfoerderungForm.GEMEINDE, m.name);
            }
            case PROJEKTBERICHT -> {
                // Nothing read-only: the report's entry carries organisation and Gemeinde.
            }
        }
        return all;
    }
}
