package de.handinhand.common.messaging.codes;

/** The target groups (Zielgruppen) of API.md: the C23 list of the competition form, labelled in German and English. */
public enum TargetGroup {
    KINDER_KITA("Kinder (Einrichtungen der Kindertagesbetreuung)", "Children (day care)"),
    KINDER_SCHULE("Kinder (Schule)", "Children (school)"),
    JUGENDLICHE("Jugendliche", "Adolescents"),
    JUNGE_ERWACHSENE("junge Erwachsene", "Young adults"),
    ERWACHSENE("Erwachsene", "Adults"),
    MAEDCHEN_FRAUEN("Mädchen/Frauen", "Girls/women"),
    JUNGEN_MAENNER("Jungen/Männer", "Boys/men"),
    NEUZUGEWANDERTE("aktuelle Zuwanderer (2015-2017)", "Recent immigrants (2015-2017)"),
    LANGJAEHRIG_ZUGEWANDERTE("bereits seit mehreren Jahren in Deutschland lebende Zuwanderer",
            "Immigrants who have lived in Germany for several years"),
    BEVOELKERUNG_VOR_ORT("Bevölkerung vor Ort", "Local population"),
    MULTIPLIKATOREN("Multiplikatoren", "Multipliers (people who pass it on)"),
    WEITERE("Weitere", "Other");

    private final String labelDe;
    private final String labelEn;

    TargetGroup(String labelDe, String labelEn) {
        this.labelDe = labelDe;
        this.labelEn = labelEn;
    }

    /** The wording of the competition form's C23 option (the form shows it as the option's label). */
    public String labelDe() {
        return labelDe;
    }

    public String labelEn() {
        return labelEn;
    }

    public static boolean isCode(String code) {
        for (TargetGroup group : values()) {
            if (group.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
