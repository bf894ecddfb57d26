package de.handinhand.submission.report.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * The grants of the published results (tables {@code call_result} and {@code entry_grant}): per
 * call the revision of its latest publication applied here, per entry the grant it decided.
 */
@ApplicationScoped
public class GrantRepository {

    /** One entry's line of a publication: its grant in cents, null for a competition's entry. */
    public record Line(UUID submissionId, Long grantCents) {
    }

    /** What the latest publication of an entry's call decided for it. */
    public record Grant(UUID callId, int revision, Long grantCents) {
    }

    private final EntityManager em;

    public GrantRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the call's publication {@code revision} unless a higher one is applied already; one
     * statement, so two deliveries racing for the same call cannot interleave (the row lock orders them).
     *
     * @return false when the stored revision is higher and nothing changed
     */
    public boolean claim(UUID callId, int revision, Instant publishedAt, Instant now) {
        return em.createNativeQuery("""
                insert into call_result (call_id, revision, published_at, applied_at) values (?1, ?2, ?3, ?4)
                on conflict (call_id) do update set revision = excluded.revision,
                    published_at = excluded.published_at, applied_at = excluded.applied_at
                where call_result.revision <= excluded.revision""")
                .unwrap(NativeQuery.class)
                .setParameter(1, callId)
                .setParameter(2, revision)
                .setParameter(3, publishedAt, StandardBasicTypes.INSTANT)
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** The call's grants become exactly those of the publication: an entry it no longer lists has none. */
    public void replace(UUID callId, int revision, List<Line> lines) {
        em.createNativeQuery("delete from entry_grant where call_id = ?1").setParameter(1, callId).executeUpdate();
        for (Line line : lines) {
            em.createNativeQuery("""
                    insert into entry_grant (submission_id, call_id, revision, grant_cents) values (?1, ?2, ?3, ?4)
                    on conflict (submission_id) do update set call_id = excluded.call_id,
                        revision = excluded.revision, grant_cents = excluded.grant_cents""")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, line.submissionId())
                    .setParameter(2, callId)
                    .setParameter(3, revision)
                    .setParameter(4, line.grantCents(), StandardBasicTypes.LONG)
                    .executeUpdate();
        }
    }

    /** Whether results of the call were published (as far as this service has learnt). */
    public boolean published(UUID callId) {
        return !em.createNativeQuery("select 1 from call_result where call_id = ?1").setParameter(1, callId)
                .getResultList().isEmpty();
    }

    public Optional<Grant> of(UUID submissionId) {
        List<?> rows = em.createNativeQuery(
                "select call_id, revision, grant_cents from entry_grant where submission_id = ?1")
                .setParameter(1, submissionId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Grant((UUID) r[0], ((Number) r[1]).intValue(), r[2] == null ? null : ((Number) r[2]).longValue());
        });
    }
}
