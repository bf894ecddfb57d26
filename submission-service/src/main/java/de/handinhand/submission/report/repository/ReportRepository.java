package de.handinhand.submission.report.repository;

import de.handinhand.common.messaging.sql.SqlValues;
import de.handinhand.submission.report.FinalReport;
import de.handinhand.submission.report.ReportStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<FinalReport, UUID> {

    /** A funded entry of a call with what its report list shows; {@code report} null while none is written. */
    public record Funded(UUID submissionId, String title, String organisation, String municipalityId,
            String municipalityName, long grantCents, LocalDate projectEnd, ReportStatus report, Instant submittedAt) {
    }

    /**
     * A page of the call's funded entries (a grant above 0 in its latest published results), by
     * organisation (or municipality) name; {@code endCode} is the answer holding the project's end.
     */
    public List<Funded> funded(UUID callId, String endCode, int page, int size) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select s.id, s.title, s.organisation, s.municipality_id, m.name, g.grant_cents, s.answers ->> ?2,
                       r.status, r.submitted_at
                from entry_grant g
                join submission s on s.id = g.submission_id and s.call_id = g.call_id
                left join municipality m on m.id = s.municipality_id
                left join final_report r on r.submission_id = s.id
                where g.call_id = ?1 and g.grant_cents > 0
                order by coalesce(s.organisation, m.name), s.id
                limit ?3 offset ?4""")
                .setParameter(1, callId)
                .setParameter(2, endCode)
                .setParameter(3, size)
                .setParameter(4, (long) page * size)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new Funded((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    ((Number) r[5]).longValue(), date(r[6]), r[7] == null ? null : ReportStatus.valueOf((String) r[7]),
                    SqlValues.instant(r[8]));
        }).toList();
    }

    public long countFunded(UUID callId) {
        return ((Number) getEntityManager().createNativeQuery("""
                select count(*) from entry_grant g join submission s on s.id = g.submission_id and s.call_id = g.call_id
                where g.call_id = ?1 and g.grant_cents > 0""")
                .setParameter(1, callId)
                .getSingleResult()).longValue();
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
