package de.handinhand.scoring.ranking.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rankings this instance has computed, each kept with the call's ranking version
 * ({@code ranking_version}, bumped by triggers in every transaction that changes anything a ranking
 * is built from). A read asks the database for the version first: the same version means nothing
 * changed since, so the kept ranking is served; a higher version (a write here or on any other
 * instance) means it is computed again. The version only grows (every bump adds 1, and a later snapshot
 * sees every commit an earlier one saw), so a kept ranking of a version at least the one read when a
 * request began shows everything committed before that request. The database stays the only
 * truth; what is kept here is never served unless the database's version vouches for it.
 *
 * <p>A ranking is kept only if the version read before computing equals the one read after: every
 * statement in between then saw exactly that version's state (read committed gives each statement a
 * newer snapshot, and a newer snapshot sees every commit an older one did, so a commit in between
 * would have raised the sum). Reads of one call queue while it is computed and then take that
 * result, so a burst of reads after a change computes it once, not once per reader.
 */
@ApplicationScoped
public class KeptRanking {

    /** Calls kept at most; the least recently read one goes first (a ranking of 1,000 entries is a few MB). */
    static final int MAX_CALLS = 4;

    private final EntityManager em;
    private final RankingCalculator calculator;
    private final Map<UUID, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Kept> eldest) {
            return size() > MAX_CALLS;
        }
    };
    private final Map<UUID, Object> computing = new ConcurrentHashMap<>();

    public KeptRanking(EntityManager em, RankingCalculator calculator) {
        this.em = em;
        this.calculator = calculator;
    }

    private record Kept(long version, RankingSnapshot snapshot) {
    }

    /**
     * The call's ranking as of now: a kept one whose version is at least the database's when this read
     * began (so it shows every change committed before), else computed.
     */
    public RankingSnapshot current(UUID callId) {
        long asked = version(callId);
        RankingSnapshot hit = keptSince(callId, asked);
        if (hit != null) {
            return hit;
        }
        synchronized (computing.computeIfAbsent(callId, id -> new Object())) {
            // A reader before this one may have computed it meanwhile: then it is at least as new as asked.
            hit = keptSince(callId, asked);
            if (hit != null) {
                return hit;
            }
            RankingCalculator.Versioned computed = calculator.computeVersioned(callId);
            if (computed.consistent()) {
                synchronized (kept) {
                    Kept old = kept.get(callId);
                    if (old == null || old.version < computed.before()) {
                        kept.put(callId, new Kept(computed.before(), computed.snapshot()));
                    }
                }
            }
            return computed.snapshot();
        }
    }

    private RankingSnapshot keptSince(UUID callId, long version) {
        synchronized (kept) {
            Kept k = kept.get(callId);
            return k != null && k.version >= version ? k.snapshot : null;
        }
    }

    long version(UUID callId) {
        return RankingCalculator.version(em, callId);
    }

    /** Forgets every kept ranking: the next read of each call computes it (tests compare the two). */
    public void clear() {
        synchronized (kept) {
            kept.clear();
        }
    }
}
