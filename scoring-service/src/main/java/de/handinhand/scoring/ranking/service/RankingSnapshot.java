package de.handinhand.scoring.ranking.service;

import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.criteria.Criterion;
import de.handinhand.scoring.ranking.Aggregation;
import de.handinhand.scoring.scores.ScoreSheet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A call's ranking at one moment: per category, the active entries best first, plus the withdrawn ones. */
public record RankingSnapshot(UUID callId, List<Criterion> criteria, double spreadLimit,
        Map<String, List<Row>> categories, List<JuryCase> withdrawn, Map<UUID, Row> byCase) {

    /** One entry: its case, aggregate, competition rank (null while unscored) and the final sheets counted. */
    public record Row(JuryCase entry, Aggregation.EntryScore score, Integer rank, List<ScoreSheet> sheets) {
    }

    /** Category label of entries without one. */
    public static final String NO_CATEGORY = "NONE";
}
