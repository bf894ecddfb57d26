package de.handinhand.scoring.scores;

import de.handinhand.scoring.criteria.Criterion;
import de.handinhand.scoring.ranking.Aggregation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a sheet's stored marks for the arithmetic. */
public final class Marks {

    private Marks() {
    }

    public static Map<String, Aggregation.Mark> of(ScoreSheet sheet) {
        Map<String, Aggregation.Mark> marks = new HashMap<>();
        for (Map<String, Object> m : sheet.scores) {
            String code = String.valueOf(m.get("criterion"));
            Object points = m.get("points");
            marks.put(code, new Aggregation.Mark(code, points == null ? null : new BigDecimal(points.toString()),
                    Boolean.TRUE.equals(m.get("notApplicable"))));
        }
        return marks;
    }

    public static List<Aggregation.Criterion> criteria(List<Criterion> criteria) {
        return criteria.stream().map(c -> new Aggregation.Criterion(c.code, c.weight, c.scaleMin, c.scaleMax)).toList();
    }

    public static Double total(List<Aggregation.Criterion> criteria, ScoreSheet sheet) {
        return Aggregation.total(criteria, of(sheet));
    }
}
