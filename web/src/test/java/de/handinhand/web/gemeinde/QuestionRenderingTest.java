package de.handinhand.web.gemeinde;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.web.common.FormErrors;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.api.ApiProblem;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each question type renders as the control a person expects, with the API's error tied to it. */
@QuarkusTest
class QuestionRenderingTest {

    @Inject
    Engine engine;

    final EntryForm form;

    QuestionRenderingTest() throws Exception {
        form = new EntryForm(new ObjectMapper().readTree(EntryFormTest.FORM));
    }

    String render(EntryForm.Question q, FormValues values, FormErrors errors) {
        return engine.getTemplate("GemeindeResource/question").data("q", q).data("form", values)
                .data("errors", errors).data("editable", true).render();
    }

    EntryForm.Question question(String code) {
        return form.sections(new ObjectMapper().createObjectNode()).stream().flatMap(s -> s.questions().stream())
                .filter(q -> q.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void eachTypeIsItsControl() {
        FormValues values = FormValues.empty();
        values.set("title", "Integration mit Augenmaß");
        String title = render(question("B1"), values, FormErrors.none());
        assertTrue(title.contains("<input id=\"f-title\" name=\"title\" type=\"text\" value=\"Integration mit Augenmaß\""),
                title);
        assertFalse(title.contains("<fieldset"), title);
        String yesNo = render(question("C10"), values, FormErrors.none());
        assertTrue(yesNo.contains("<fieldset id=\"f-answers-C10\"") && yesNo.contains("type=\"radio\""), yesNo);
        assertFalse(yesNo.contains("value=\"\""), "a required question offers no 'no answer': " + yesNo);
        String multi = render(question("C23"), values, FormErrors.none());
        assertTrue(multi.contains("type=\"checkbox\""), multi);
        String longText = render(question("C33"), values, FormErrors.none());
        assertTrue(longText.contains("<textarea id=\"f-answers-C33\""), longText);
        assertTrue(render(question("C32"), values, FormErrors.none()).contains("type=\"date\""));
        assertTrue(render(question("C31"), values, FormErrors.none()).contains("inputmode=\"decimal\""));
        String followUp = render(question("C25a"), values, FormErrors.none());
        assertTrue(followUp.contains("data-when-name=\"answers.C23\" data-when-values=\"WEITERE\""), followUp);
        String readOnly = render(form.sections(new ObjectMapper().createObjectNode().put("A1", "Landkreis Dachau"))
                .get(0).questions().get(0), values, FormErrors.none());
        assertTrue(readOnly.contains("Landkreis Dachau") && !readOnly.contains("<input"), readOnly);
    }

    @Test
    void theApisErrorIsTiedToItsQuestion() {
        FormErrors errors = FormErrors.of(new ApiProblem(null, "Invalid", 422, null,
                List.of(new ApiProblem.FieldError("answers.C10", "is required (C10 Konzept?)"))),
                Set.of("answers.C10"), f -> null);
        String html = render(question("C10"), FormValues.empty(), errors);
        assertTrue(html.matches("(?s).*<fieldset id=\"f-answers-C10\"[^>]*aria-describedby=\"\\s*f-answers-C10-error\".*"),
                html);
        assertTrue(html.contains("<p class=\"error\" id=\"f-answers-C10-error\">is required (C10 Konzept?)</p>"), html);
        assertTrue(html.contains("aria-invalid=\"true\""), html);
    }
}
