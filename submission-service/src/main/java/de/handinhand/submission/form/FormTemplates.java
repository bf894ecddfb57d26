package de.handinhand.submission.form;

import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.templates.FluechtlingsdialogForm;
import de.handinhand.submission.form.templates.ProjektberichtForm;
import de.handinhand.submission.form.templates.ProjektfoerderungForm;
import de.handinhand.submission.form.templates.ZusammenlebenForm;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The built-in forms (entry forms and the final report), built once. */
@ApplicationScoped
public class FormTemplates {

    private final Map<FormTemplate, Form> forms = new EnumMap<>(FormTemplate.class);

    public FormTemplates() {
        forms.put(FormTemplate.ZUSAMMENLEBEN_HAND_IN_HAND, ZusammenlebenForm.build());
        forms.put(FormTemplate.FLUECHTLINGSDIALOG, FluechtlingsdialogForm.build());
        forms.put(FormTemplate.PROJEKTFOERDERUNG, ProjektfoerderungForm.build());
        forms.put(FormTemplate.PROJEKTBERICHT, ProjektberichtForm.build());
    }

    public Form of(FormTemplate template) {
        return forms.get(template);
    }
}
