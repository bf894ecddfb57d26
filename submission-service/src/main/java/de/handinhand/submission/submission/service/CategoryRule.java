package de.handinhand.submission.submission.service;

import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;
import java.util.List;

/**
 * Derives an entry's category from its municipality: Landkreise compete as {@code LANDKREIS};
 * Städte and Gemeinden as {@code STADT_GROSS} from {@value #LARGE_TOWN} inhabitants, else as
 * {@code GEMEINDE_KLEIN} (20,000 is the German statistical threshold of a Mittelstadt). If the call
 * does not offer the derived category and has exactly one, that one is used; otherwise the entry
 * stays without category for an organizer to decide. An applicant organisation's entry has no
 * category by the size of its Gemeinde ({@link #forOrganisation}).
 */
public final class CategoryRule {

    static final int LARGE_TOWN = 20_000;

    private CategoryRule() {
    }

    public static String derive(Municipality m, List<String> callCategories) {
        String derived;
        if (m.type == MunicipalityType.LANDKREIS) {
            derived = "LANDKREIS";
        } else if (m.population != null && m.population >= LARGE_TOWN) {
            derived = "STADT_GROSS";
        } else {
            derived = "GEMEINDE_KLEIN";
        }
        if (callCategories.contains(derived)) {
            return derived;
        }
        return callCategories.size() == 1 ? callCategories.get(0) : null;
    }

    /**
     * An initiative's or association's entry: the size of the town it works in says nothing about
     * the project, so it takes the call's category when the call has exactly one, else none (for an
     * organizer to decide, as above).
     */
    public static String forOrganisation(List<String> callCategories) {
        return callCategories.size() == 1 ? callCategories.get(0) : null;
    }
}
