package de.handinhand.web.i18n;

import java.util.Optional;

/** The target groups (C23) of API.md; their labels are in the message bundles ({@code group_KINDER_KITA}). */
public enum TargetGroup {
    KINDER_KITA, KINDER_SCHULE, JUGENDLICHE, JUNGE_ERWACHSENE, ERWACHSENE, MAEDCHEN_FRAUEN, JUNGEN_MAENNER,
    NEUZUGEWANDERTE, LANGJAEHRIG_ZUGEWANDERTE, BEVOELKERUNG_VOR_ORT, MULTIPLIKATOREN, WEITERE;

    public static Optional<TargetGroup> of(String code) {
        for (TargetGroup g : values()) {
            if (g.name().equals(code)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
