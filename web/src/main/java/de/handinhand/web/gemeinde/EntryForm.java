package de.handinhand.web.gemeinde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.i18n.FormMsg;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An entry form rendered from the call's form ({@code GET /api/calls/{id}/form}): every question
 * type, follow-ups with the answer that makes them apply, read-only registry answers, and up to
 * the form's number of single projects. Controls are named like the API's fields
 * ({@code answers.C23}, {@code projects[0].answers.D10}, {@code title}), so the 422's failing
 * questions land at their question.
 */
public final class EntryForm {

    /** One question as rendered: its control name and the typed value. */
    public record Question(String code, String name, String label, String type, boolean required, Integer maxLength,
            boolean readOnly, String readOnlyValue, List<Option> options, String showWhenCode, String showWhenValues,
            String showWhenText, String groupLabel, boolean choiceAsSelect) {

        /** A single choice that may stay unanswered gets a "no answer" option to take a choice back. */
        public boolean offersNoAnswer() {
            return !"MULTI_CHOICE".equals(type) && !required;
        }

        /** Radio buttons or checkboxes (a long single choice is a select instead). */
        public boolean asChoices() {
            return !options.isEmpty() && !choiceAsSelect;
        }
    }

    public record Option(String code, String label) {
    }

    public record Section(String code, String title, List<Question> questions) {
    }

    public record Project(int index, int number, List<Question> questions) {
    }

    private final JsonNode form;

    public EntryForm(JsonNode form) {
        this.form = form;
    }

    public List<Section> sections(JsonNode entryAnswers) {
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : form.path("sections")) {
            List<Question> questions = new ArrayList<>();
            String lastGroup = null;
            for (JsonNode q : s.path("questions")) {
                String group = q.path("group").path("code").asText(null);
                String groupLabel = group != null && !group.equals(lastGroup) ? q.path("group").path("label").asText()
                        : null;
                lastGroup = group;
                questions.add(question(q, name(q, null), entryAnswers, groupLabel, "answers."));
            }
            sections.add(new Section(s.path("code").asText(), s.path("title").asText(), questions));
        }
        return sections;
    }

    /** The single projects the form allows: those the entry has, and one more while below the maximum. */
    public List<Project> projects(int existing) {
        JsonNode group = form.path("projectGroup");
        if (group.isMissingNode() || group.isNull()) {
            return List.of();
        }
        int max = group.path("maxProjects").asInt(0);
        int shown = Math.min(max, existing + 1);
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            List<Question> questions = new ArrayList<>();
            for (JsonNode q : group.path("questions")) {
                questions.add(question(q, "projects[" + i + "].answers." + q.path("code").asText(), null, null,
                        "projects[" + i + "].answers."));
            }
            projects.add(new Project(i, i + 1, questions));
        }
        return projects;
    }

    public int maxProjects() {
        return form.path("projectGroup").path("maxProjects").asInt(0);
    }

    /** Every control name of this form (for placing the API's errors). */
    public Set<String> controls(int projects) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode s : form.path("sections")) {
            for (JsonNode q : s.path("questions")) {
                names.add(name(q, null));
            }
        }
        for (int i = 0; i < Math.max(projects, 1) + 1; i++) {
            for (JsonNode q : form.path("projectGroup").path("questions")) {
                names.add("projects[" + i + "].answers." + q.path("code").asText());
            }
        }
        names.add("projects");
        return names;
    }

    /** The form values of a stored entry (for editing it). */
    public FormValues values(JsonNode entry) {
        FormValues v = FormValues.empty();
        JsonNode answers = entry.path("answers");
        for (JsonNode s : form.path("sections")) {
            for (JsonNode q : s.path("questions")) {
                String field = q.path("field").asText(null);
                JsonNode value = field != null ? entry.path(field) : answers.path(q.path("code").asText());
                put(v, name(q, null), q.path("type").asText(), value);
            }
        }
        int i = 0;
        for (JsonNode p : entry.path("projects")) {
            for (JsonNode q : form.path("projectGroup").path("questions")) {
                put(v, "projects[" + i + "].answers." + q.path("code").asText(), q.path("type").asText(),
                        p.path("answers").path(q.path("code").asText()));
            }
            i++;
        }
        return v;
    }

    /** The API body for what was typed; a number or amount that is none is refused here, by its control. */
    public ObjectNode toJson(FormValues v, String callId, ObjectMapper mapper, FormMsg msg) throws LocalError {
        ObjectNode body = mapper.createObjectNode();
        body.put("callId", callId);
        ObjectNode answers = body.putObject("answers");
        for (JsonNode s : form.path("sections")) {
            for (JsonNode q : s.path("questions")) {
                if (q.path("readOnly").asBoolean(false)) {
                    continue;
                }
                String field = q.path("field").asText(null);
                String name = name(q, null);
                ObjectNode target = field != null ? body : answers;
                String key = field != null ? field : q.path("code").asText();
                putTyped(target, key, q, v, name, mapper, msg);
            }
        }
        ArrayNode projects = body.putArray("projects");
        int max = maxProjects();
        for (int i = 0; i < max + 1; i++) {
            ObjectNode p = mapper.createObjectNode();
            ObjectNode pa = p.putObject("answers");
            for (JsonNode q : form.path("projectGroup").path("questions")) {
                putTyped(pa, q.path("code").asText(), q, v, "projects[" + i + "].answers." + q.path("code").asText(),
                        mapper, msg);
            }
            if (pa.size() > 0) {
                projects.add(p);
            }
        }
        return body;
    }

    private static void putTyped(ObjectNode target, String key, JsonNode q, FormValues v, String name,
            ObjectMapper mapper, FormMsg msg) throws LocalError {
        String type = q.path("type").asText();
        switch (type) {
            case "MULTI_CHOICE" -> {
                List<String> values = v.values(name);
                if (!values.isEmpty()) {
                    ArrayNode a = target.putArray(key);
                    values.forEach(a::add);
                }
            }
            case "NUMBER" -> {
                String t = v.text(name);
                if (t != null) {
                    try {
                        target.put(key, new BigDecimal(t.replace(" ", "").replace(',', '.')));
                    } catch (NumberFormatException e) {
                        throw new LocalError(name, msg.number_invalid());
                    }
                }
            }
            case "MONEY" -> {
                String t = v.text(name);
                if (t != null) {
                    target.put(key, cents(t, name, msg));
                }
            }
            default -> {
                String t = v.text(name);
                if (t != null) {
                    target.put(key, t);
                }
            }
        }
    }

    public static long cents(String euros, String name, FormMsg msg) throws LocalError {
        try {
            String plain = euros.replace("€", "").replace(" ", "").strip();
            // 1.234,56 (German) or 1234.56: the last separator with two digits after it is the decimal one.
            if (plain.matches(".*,\\d{1,2}$")) {
                plain = plain.replace(".", "").replace(',', '.');
            } else {
                plain = plain.replace(",", "");
            }
            return new BigDecimal(plain).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new LocalError(name, msg.money_invalid());
        }
    }

    private static void put(FormValues v, String name, String type, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            List<String> list = new ArrayList<>();
            value.forEach(x -> list.add(x.asText()));
            v.setAll(name, list);
        } else if ("MONEY".equals(type) && value.isNumber()) {
            v.set(name, BigDecimal.valueOf(value.asLong(), 2).toPlainString().replace('.', ','));
        } else {
            v.set(name, value.asText());
        }
    }

    private Question question(JsonNode q, String name, JsonNode entryAnswers, String groupLabel, String prefix) {
        List<Option> options = new ArrayList<>();
        for (JsonNode o : q.path("options")) {
            options.add(new Option(o.path("code").asText(), o.path("label").asText()));
        }
        JsonNode when = q.path("requiredWhen");
        String whenCode = when.isObject() ? when.path("question").asText() : null;
        List<String> whenValues = new ArrayList<>();
        when.path("anyOf").forEach(x -> whenValues.add(x.asText()));
        String whenText = null;
        if (whenCode != null) {
            List<String> labels = new ArrayList<>();
            for (String code : whenValues) {
                labels.add(optionLabel(whenCode, code));
            }
            whenText = whenCode + ": " + String.join(", ", labels);
        }
        boolean readOnly = q.path("readOnly").asBoolean(false);
        String readOnlyValue = null;
        if (readOnly && entryAnswers != null) {
            JsonNode a = entryAnswers.path(q.path("code").asText());
            readOnlyValue = a.isMissingNode() || a.isNull() ? "" : optionLabel(q.path("code").asText(), a.asText());
        }
        return new Question(q.path("code").asText(), name, q.path("label").asText(), q.path("type").asText(),
                q.path("required").asBoolean(false), q.path("maxLength").isNumber() ? q.path("maxLength").asInt() : null,
                readOnly, readOnlyValue, options, whenCode == null ? null : prefix + whenCode,
                String.join(",", whenValues), whenText, groupLabel,
                "SINGLE_CHOICE".equals(q.path("type").asText()) && options.size() > 6);
    }

    private String optionLabel(String questionCode, String code) {
        for (JsonNode s : form.path("sections")) {
            for (JsonNode q : s.path("questions")) {
                if (questionCode.equals(q.path("code").asText())) {
                    for (JsonNode o : q.path("options")) {
                        if (code.equals(o.path("code").asText())) {
                            return o.path("label").asText(code);
                        }
                    }
                }
            }
        }
        return code;
    }

    private static String name(JsonNode q, String prefix) {
        String field = q.path("field").asText(null);
        return field != null ? field : (prefix == null ? "answers." : prefix) + q.path("code").asText();
    }

    /** A value the page itself cannot turn into the API's type. */
    public static final class LocalError extends Exception {
        public final String control;

        LocalError(String control, String message) {
            super(message, null, false, false);
            this.control = control;
        }
    }
}
