package de.handinhand.scoring.ranking.service;

import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.criteria.Criterion;
import de.handinhand.scoring.jury.Conflicts;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.precheck.PreCheck;
import de.handinhand.scoring.ranking.Aggregation;
import de.handinhand.scoring.ranking.Csv;
import de.handinhand.scoring.ranking.api.RankingView;
import de.handinhand.scoring.ranking.service.RankingSnapshot.Row;
import de.handinhand.scoring.scores.Marks;
import de.handinhand.scoring.scores.ScoreSheet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who reads which ranking. Before publication: the call's organizers everything (a Kreis organizer
 * only for the Kreis's calls); a juror on the call's jury
 * the ranking without the entries they are conflicted with and without the entries assigned to them
 * that they have not finalised (others' scores stay hidden until then); everyone else 403. After
 * publication every signed-in caller reads it. Only organizers see the jurors' own totals and,
 * in CSV, each juror's points and comments.
 */
@ApplicationScoped
public class RankingService {

    private final KeptRanking kept;
    private final JuryAccess access;

    public RankingService(KeptRanking kept, JuryAccess access) {
        this.kept = kept;
        this.access = access;
    }

    public RankingView ranking(UUID callId) {
        Visible v = visible(callId);
        List<RankingView.Category> categories = new ArrayList<>();
        v.snapshot.categories().forEach((cat, rows) -> categories.add(new RankingView.Category(cat,
                rows.stream().filter(v::shows).map(r -> entry(r, v.organizer)).toList())));
        return new RankingView(callId, "normalized", v.settings != null && v.settings.resultsPublishedAt != null,
                v.settings == null ? null : v.settings.resultsPublishedAt, v.snapshot.spreadLimit(), categories);
    }

    public String csv(UUID callId) {
        Visible v = visible(callId);
        List<String> head = new ArrayList<>(List.of("category", "rank", "submissionId", "municipalityId",
                "municipalityName", "title", "mean", "median", "normalized", "spread", "disagreement", "jurorCount",
                "entryVersion", "precheckMet", "precheckPartial", "precheckNotMet", "precheckTotal"));
        List<String> jurors = new ArrayList<>();
        List<Criterion> criteria = v.snapshot.criteria();
        if (v.organizer) {
            Set<String> names = new TreeSet<>();
            v.snapshot.byCase().values().forEach(r -> r.sheets().forEach(s -> names.add(s.juror)));
            jurors.addAll(names);
            for (String j : jurors) {
                head.add(j + ":total");
                head.add(j + ":entryVersion");
                for (Criterion c : criteria) {
                    head.add(j + ":" + c.code);
                    head.add(j + ":" + c.code + ":comment");
                }
            }
        }
        Csv csv = new Csv().row(head);
        List<Aggregation.Criterion> defs = Marks.criteria(criteria);
        v.snapshot.categories().forEach((cat, rows) -> rows.stream().filter(v::shows).forEach(r -> {
            JuryCase c = r.entry();
            Aggregation.EntryScore s = r.score();
            PreCheck.Result p = PreCheck.of(c.answers);
            List<Object> cells = new ArrayList<>(List.of(cat, r.rank() == null ? "" : r.rank(), c.submissionId.toString(),
                    c.municipalityId, c.municipalityName, c.title, num(s.mean()), num(s.median()), num(s.normalized()),
                    num(s.spread()), s.disagreement(), s.jurorCount(), c.version, p.met(), p.partial(), p.notMet(),
                    p.total()));
            for (String j : jurors) {
                ScoreSheet sheet = r.sheets().stream().filter(x -> x.juror.equals(j)).findFirst().orElse(null);
                if (sheet == null) {
                    for (int i = 0; i < 2 + 2 * criteria.size(); i++) {
                        cells.add("");
                    }
                    continue;
                }
                cells.add(num(Aggregation.round(Marks.total(defs, sheet), 2)));
                cells.add(sheet.entryVersion);
                Map<String, Aggregation.Mark> marks = Marks.of(sheet);
                for (Criterion crit : criteria) {
                    Aggregation.Mark m = marks.get(crit.code);
                    cells.add(m == null ? "" : m.notApplicable() ? "n/a" : m.points() == null ? "" : m.points());
                    cells.add(comment(sheet, crit.code));
                }
            }
            csv.row(cells);
        }));
        return csv.toString();
    }

    static String comment(ScoreSheet sheet, String code) {
        return sheet.scores.stream().filter(m -> code.equals(m.get("criterion"))).map(m -> m.get("comment"))
                .filter(java.util.Objects::nonNull).map(Object::toString).findFirst().orElse("");
    }

    private static Object num(Double value) {
        return value == null ? "" : value;
    }

    public static RankingView.Entry entry(Row r, boolean organizer) {
        JuryCase c = r.entry();
        Aggregation.EntryScore s = r.score();
        PreCheck.Result p = PreCheck.of(c.answers);
        List<Integer> versions = r.sheets().stream().map(x -> x.entryVersion).distinct().sorted().toList();
        List<RankingView.JurorTotal> jurors = null;
        if (organizer) {
            jurors = new ArrayList<>();
            for (Aggregation.JurorTotal t : s.totals()) {
                int version = r.sheets().stream().filter(x -> x.juror.equals(t.juror())).findFirst()
                        .map(x -> x.entryVersion).orElse(c.version);
                jurors.add(new RankingView.JurorTotal(t.juror(), Aggregation.round(t.total(), 2), version));
            }
        }
        return new RankingView.Entry(r.rank(), c.submissionId, c.id, c.municipalityId, c.municipalityName, c.title,
                s.mean(), s.median(), s.normalized(), s.spread(), s.disagreement(), s.jurorCount(), c.version, versions,
                new RankingView.Precheck(p.met(), p.partial(), p.notMet(), p.notAnswered(), p.total()), jurors);
    }

    /** What the caller may see of a call's ranking; refuses callers who may see none of it. */
    private Visible visible(UUID callId) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        JuryCall settings = access.settingsOrNull(callId);
        boolean published = settings != null && settings.resultsPublishedAt != null;
        // Refuse before computing: the whole call's ranking is not worked out for a caller who may see none of it.
        boolean organizes = access.organizes(callId);
        if (!organizes && !published && (!access.juror() || !access.onJury(callId, access.username()))) {
            throw new ForbiddenException("Before results are published only the organizers and the call's jurors "
                    + "read its ranking");
        }
        RankingSnapshot snapshot = kept.current(callId);
        if (organizes) {
            return new Visible(snapshot, settings, true, null, Set.of(), Set.of());
        }
        if (published) {
            return new Visible(snapshot, settings, false, null, Set.of(), Set.of());
        }
        String me = access.username();
        Set<UUID> assigned = access.ownCaseIds(callId);
        Set<UUID> unfinished = new TreeSet<>();
        for (UUID id : assigned) {
            Row row = snapshot.byCase().get(id);
            boolean finalised = row != null && row.sheets().stream().anyMatch(s -> s.juror.equals(me));
            if (!finalised) {
                unfinished.add(id);
            }
        }
        return new Visible(snapshot, settings, false, access.ownConflicts(), unfinished, assigned);
    }

    private record Visible(RankingSnapshot snapshot, JuryCall settings, boolean organizer, Conflicts conflicts,
            Set<UUID> unfinished, Set<UUID> assigned) {

        boolean shows(Row r) {
            if (conflicts == null) {
                return true;
            }
            // A juror sees only entries assigned to them, finalised by them and not conflicted (SPEC §2).
            return assigned.contains(r.entry().id) && !conflicts.covers(r.entry())
                    && !unfinished.contains(r.entry().id);
        }
    }
}
