package de.handinhand.common.messaging.codes;

/** The target groups (Zielgruppen) of API.md: the C23 list of the competition form. */
public enum TargetGroup {
    KINDER_KITA("Kinder (Einrichtungen der Kindertagesbetreuung)"),
    KINDER_SCHULE("Kinder (Schule)"),
    JUGENDLICHE("Jugendliche"),
    JUNGE_ERWACHSENE("junge Erwachsene"),
    ERWACHSENE("Erwachsene"),
    MAEDCHEN_FRAUEN("Mädchen/Frauen"),
    JUNGEN_MAENNER("Jungen/Männer"),
    NEUZUGEWANDERTE("aktuelle Zuwanderer (2015-2017)"),
    LANGJAEHRIG_ZUGEWANDERTE("bereits seit mehreren Jahren in Deutschland lebende Zuwanderer"),
    BEVOELKERUNG_VOR_ORT("Bevölkerung vor Ort"),
    MULTIPLIKATOREN("Multiplikatoren"),
    WEITERE("Weitere");

    private final String labelDe;

    TargetGroup(String labelDe) {
        this.labelDe = labelDe;
    }

    public String labelDe() {
        return labelDe;
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
