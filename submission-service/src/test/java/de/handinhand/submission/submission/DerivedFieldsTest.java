package de.handinhand.submission.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.submission.form.FormValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivedFieldsTest {

    @Test
    void aMarkStaysOnlyWhileItsValueDoes() {
        Submission s = new Submission();
        s.title = "Kommunaler Flüchtlingsdialog Lindenbrunn";
        s.answers = Map.of("F90", 492_000);
        s.projects = List.of(Map.of("D10", "Nachbarschaftscafé Mitte"), Map.of("D10", "Patinnen begleiten …"));
        s.derived = List.of("title", "answers.F90", "projects[0].answers.D10", "projects[1].answers.D10");

        FormValidator.Content next = new FormValidator.Content("Kommunaler Flüchtlingsdialog Lindenbrunn", null, null,
                Map.of("F90", 492_000L), List.of(Map.of("D10", "Café Mitte"), Map.of("D10", "Patinnen begleiten …")));
        assertEquals(List.of("title", "answers.F90", "projects[1].answers.D10"), DerivedFields.unchanged(s, next),
                "the changed project title is the editor's now; 492000 read back as Integer is the same number");

        FormValidator.Content cleared = new FormValidator.Content("Eigener Titel", null, null, Map.of(), List.of());
        assertEquals(List.of(), DerivedFields.unchanged(s, cleared));
        s.derived = null;
        assertEquals(List.of(), DerivedFields.unchanged(s, next));
    }
}
