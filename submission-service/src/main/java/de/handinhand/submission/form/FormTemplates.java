package de.handinhand.submission.form;

import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.templates.FluechtlingsdialogForm;
import de.handinhand.submission.form.templates.ZusammenlebenForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The built-in forms, built once. */
@ApplicationScoped
public class FormTemplates {

    private final Map<FormTemplate, Form> forms = new EnumMap<>(FormTemplate.class);

    public FormTemplates() {
        forms.put(FormTemplate.ZUSAMMENLEBEN_HAND_IN_HAND, ZusammenlebenForm.build());
        forms.put(FormTemplate.FLUECHTLINGSDIALOG, FluechtlingsdialogForm.build());
    }

    public Form of(FormTemplate template) {
        return forms.get(template);
    }
}
