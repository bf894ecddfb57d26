package de.handinhand.submission.call;

/**
 * The built-in forms (SPEC §1): three a call is entered with, and the final report of a funded
 * project, which belongs to the project-funding form and is never a call's form.
 */
public enum FormTemplate {
    /** The form of the federal competition "Zusammenleben Hand in Hand – Kommunen gestalten". */
    ZUSAMMENLEBEN_HAND_IN_HAND,
    /** The report form of the Kommunaler Flüchtlingsdialog. */
    FLUECHTLINGSDIALOG,
    /** A local project's application to a Kreis's funding programme (the Heilbronn model); FUNDING calls only. */
    PROJEKTFOERDERUNG,
    /** The final report of a project funded through a PROJEKTFOERDERUNG call; not a call's form. */
    PROJEKTBERICHT;

    /** Whether a call may be entered with this form. */
    public boolean entryForm() {
        return this != PROJEKTBERICHT;
    }

    /** The report a funded entry of this form files at its project's end, if any. */
    public java.util.Optional<FormTemplate> reportForm() {
        return this == PROJEKTFOERDERUNG ? java.util.Optional.of(PROJEKTBERICHT) : java.util.Optional.empty();
    }
}
