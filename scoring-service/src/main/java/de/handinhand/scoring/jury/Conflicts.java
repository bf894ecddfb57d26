package de.handinhand.scoring.jury;

import de.handinhand.scoring.cases.JuryCase;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** A juror's conflicts of interest, matched against an entry's municipality, Kreis and Land. */
public record Conflicts(Set<String> municipalities, Set<String> kreise, Set<String> bundeslaender) {

    public static final Conflicts NONE = new Conflicts(Set.of(), Set.of(), Set.of());

    public static Conflicts of(Collection<JurorConflict> rows) {
        Set<String> m = new TreeSet<>();
        Set<String> k = new TreeSet<>();
        Set<String> b = new TreeSet<>();
        for (JurorConflict c : rows) {
            switch (c.kind) {
                case MUNICIPALITY -> m.add(c.code);
                case KREIS -> k.add(c.code);
                case BUNDESLAND -> b.add(c.code);
            }
        }
        return new Conflicts(m, k, b);
    }

    public boolean covers(JuryCase c) {
        return covers(c.municipalityId, c.kreisId, c.bundesland);
    }

    public boolean covers(String municipalityId, String kreisId, String bundesland) {
        return municipalities.contains(municipalityId) || kreise.contains(kreisId) || kreise.contains(municipalityId)
                || bundeslaender.contains(bundesland);
    }

    public boolean isEmpty() {
        return municipalities.isEmpty() && kreise.isEmpty() && bundeslaender.isEmpty();
    }
}
