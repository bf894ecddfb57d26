package de.handinhand.submission.form;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.submission.municipality.Municipality;
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
        }
        return fields.stream().map(Enum::name).toList();
    }

    /** Target groups: the C23 answers that are target groups (not the form's qualifier). */
    public static List<String> targetGroups(Form form, Map<String, Object> answers) {
        List<String> groups = new ArrayList<>();
        if (answers.get("C23") instanceof List<?> chosen) {
            chosen.stream().map(String::valueOf).filter(TargetGroup::isCode).forEach(groups::add);
        }
        return groups;
    }

    /** The answers with the read-only questions filled from the registry (A1–A3, F10). */
    public static Map<String, Object> withRegistryAnswers(Form form, Map<String, Object> answers, Municipality m) {
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
        }
        return all;
    }
}
