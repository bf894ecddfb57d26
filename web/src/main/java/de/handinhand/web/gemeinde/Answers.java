package de.handinhand.web.gemeinde;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.web.i18n.Labels;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An entry's answers read against its form ({@code GET /api/calls/{id}/form}): each question's
 * label and the chosen options' labels instead of codes, in the form's order. Questions the form
 * does not know (an older form, an import) still show, under their code.
 */
public final class Answers {

    public record Row(String code, String label, String value) {
    }

    public record Section(String title, List<Row> rows) {
    }

    public record Project(int number, List<Row> rows) {
    }

    private final JsonNode form;
    private final Labels labels;

    public Answers(JsonNode form, Labels labels) {
        this.form = form;
        this.labels = labels;
    }

    public List<Section> sections(JsonNode answers) {
        List<Section> sections = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (JsonNode s : form.path("sections")) {
            List<Row> rows = new ArrayList<>();
            for (JsonNode q : s.path("questions")) {
                String code = q.path("code").asText();
                JsonNode answer = answers.path(code);
                shown.add(code);
                if (!answer.isMissingNode() && !answer.isNull() && !(answer.isArray() && answer.isEmpty())) {
                    rows.add(new Row(code, q.path("label").asText(code), value(q, answer)));
                }
            }
            if (!rows.isEmpty()) {
                sections.add(new Section(s.path("title").asText(s.path("code").asText()), rows));
            }
        }
        List<Row> rest = new ArrayList<>();
        answers.fields().forEachRemaining(e -> {
            if (!shown.contains(e.getKey())) {
                rest.add(new Row(e.getKey(), e.getKey(), plain(e.getValue())));
            }
        });
        if (!rest.isEmpty()) {
            sections.add(new Section("", rest));
        }
        return sections;
    }

    public List<Project> projects(JsonNode projects) {
        List<Project> list = new ArrayList<>();
        int n = 1;
        for (JsonNode p : projects) {
            JsonNode answers = p.has("answers") ? p.path("answers") : p;
            List<Row> rows = new ArrayList<>();
            for (JsonNode q : form.path("projectGroup").path("questions")) {
                String code = q.path("code").asText();
                if (answers.has(code) && !answers.path(code).isNull()) {
                    rows.add(new Row(code, q.path("label").asText(code), value(q, answers.path(code))));
                }
            }
            if (rows.isEmpty()) {
                answers.fields().forEachRemaining(e -> rows.add(new Row(e.getKey(), e.getKey(), plain(e.getValue()))));
            }
            list.add(new Project(n++, rows));
        }
        return list;
    }

    /** The label of the option a question's answer names (the pre-check shows YES as "ja"). */
    public String optionLabel(String code, JsonNode answer) {
        JsonNode q = question(code);
        return q == null ? plain(answer) : value(q, answer);
    }

    private JsonNode question(String code) {
        for (JsonNode s : form.path("sections")) {
            for (JsonNode q : s.path("questions")) {
                if (code.equals(q.path("code").asText())) {
                    return q;
                }
            }
        }
        return null;
    }

    private String value(JsonNode q, JsonNode answer) {
        String type = q.path("type").asText();
        if (answer.isArray()) {
            List<String> parts = new ArrayList<>();
            answer.forEach(a -> parts.add(option(q, a.asText())));
            return String.join(", ", parts);
        }
        if (q.path("options").isArray() && q.path("options").size() > 0) {
            return option(q, answer.asText());
        }
        if ("MONEY".equals(type) && answer.isNumber()) {
            return labels.money(answer.asLong());
        }
        if ("NUMBER".equals(type) && answer.isNumber()) {
            return NumberFormat.getNumberInstance(Locale.GERMANY).format(answer.numberValue());
        }
        return plain(answer);
    }

    private static String option(JsonNode q, String code) {
        for (JsonNode o : q.path("options")) {
            if (code.equals(o.path("code").asText())) {
                return o.path("label").asText(code);
            }
        }
        return code;
    }

    private static String plain(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(", ", parts);
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
