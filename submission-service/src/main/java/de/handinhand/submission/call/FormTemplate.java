package de.handinhand.submission.call;

/** The built-in entry forms (SPEC §1). */
public enum FormTemplate {
    /** The form of the federal competition "Zusammenleben Hand in Hand – Kommunen gestalten". */
    ZUSAMMENLEBEN_HAND_IN_HAND,
    /** The report form of the Kommunaler Flüchtlingsdialog. */
    FLUECHTLINGSDIALOG
}
