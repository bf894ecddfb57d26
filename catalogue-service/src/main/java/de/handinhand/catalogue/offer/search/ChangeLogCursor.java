package de.handinhand.catalogue.offer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a reader of the change log ({@code offer_search_log}) stands, for a reader that only needs to
 * know <em>whether</em> anything was committed since it last looked (the SQL engine's page cache),
 * not which offers: the highest sequence seen, and the sequences below it not seen yet (gaps).
 *
 * <p>Sequences come from a sequence, drawn before commit, so writers never wait for each other; the
 * price is that a lower sequence may become visible after a higher one. A gap is therefore looked for
 * again on every {@link #advance} until it shows up (a change) or is older than the gap timeout (its
 * transaction rolled back: none outlives the transaction timeout). The same rule as the index's
 * {@link ChangeFollower}.
 *
 * <p>Not thread-safe: its owner calls it under its own lock.
 */
final class ChangeLogCursor {

    /** At the start, the sequences this far below the newest one that are missing count as gaps. */
    static final int START_WINDOW = 1000;

    private final long gapTimeoutNanos;
    private long readUpTo;
    /** Sequences below {@link #readUpTo} not seen yet, with the time (nanos) they were first missed. */
    private final Map<Long, Long> gapSince = new HashMap<>();

    private ChangeLogCursor(Duration gapTimeout) {
        this.gapTimeoutNanos = gapTimeout.toNanos();
    }

    /** A cursor at the newest sequence; what transactions still open have drawn below it is awaited. */
    static ChangeLogCursor atEnd(Connection c, Duration gapTimeout) throws SQLException {
        ChangeLogCursor cursor = new ChangeLogCursor(gapTimeout);
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select coalesce(max(seq), 0) from offer_search_log")) {
            r.next();
            cursor.readUpTo = r.getLong(1);
        }
        Set<Long> seen = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("select seq from offer_search_log where seq > ?")) {
            p.setLong(1, cursor.readUpTo - START_WINDOW);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    seen.add(r.getLong(1));
                }
            }
        }
        long now = System.nanoTime();
        for (long seq = Math.max(1, cursor.readUpTo - START_WINDOW + 1); seq <= cursor.readUpTo; seq++) {
            if (!seen.contains(seq)) {
                cursor.gapSince.put(seq, now);
            }
        }
        return cursor;
    }

    /** Moves past everything committed since the last call; true if that was anything. */
    boolean advance(Connection c) throws SQLException {
        boolean changed = false;
        long now = System.nanoTime();
        if (!gapSince.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement("select seq from offer_search_log where seq = any(?)")) {
                p.setArray(1, c.createArrayOf("bigint", gapSince.keySet().toArray()));
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        gapSince.remove(r.getLong(1));
                        changed = true;
                    }
                }
            }
            gapSince.values().removeIf(since -> now - since > gapTimeoutNanos);
        }
        try (PreparedStatement p = c.prepareStatement("select seq from offer_search_log where seq > ? order by seq")) {
            p.setLong(1, readUpTo);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    for (long missing = readUpTo + 1; missing < seq; missing++) {
                        gapSince.put(missing, now);
                    }
                    readUpTo = seq;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** For tests: the sequences still awaited. */
    Set<Long> gaps() {
        return Set.copyOf(gapSince.keySet());
    }
}
