package de.handinhand.scoring.jury;

import de.handinhand.scoring.cases.JuryCase;
import jakarta.persistence.EntityManager;
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

    /** The declared conflicts of one juror. */
    public static Conflicts load(EntityManager em, String username) {
        return of(em.createQuery("from JurorConflict where username = ?1", JurorConflict.class)
                .setParameter(1, username).getResultList());
    }

    /**
     * The rule of {@link #covers(String, String, String)} as an HQL condition, for queries that filter
     * and page in the database: true when the juror {@code juror} (an HQL expression) has a conflict
     * covering the case {@code c} (an alias of {@code JuryCase}).
     */
    public static String coveredHql(String c, String juror) {
        String kind = "jc_k.kind = " + JurorConflict.Kind.class.getName().replace('$', '.') + ".";
        return "exists (select 1 from JurorConflict jc_k where jc_k.username = " + juror + " and ("
                + "(" + kind + "MUNICIPALITY and jc_k.code = " + c + ".municipalityId)"
                + " or (" + kind + "KREIS and (jc_k.code = " + c + ".kreisId or jc_k.code = " + c + ".municipalityId))"
                + " or (" + kind + "BUNDESLAND and jc_k.code = " + c + ".bundesland)))";
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
