package de.handinhand.catalogue.offer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Keeps one {@link SearchIndex} current with PostgreSQL: builds it from the published offers, then
 * follows the change log ({@code offer_search_log}, written by a trigger in every transaction that
 * writes an offer) from the last sequence it applied.
 *
 * <p>Waking: a dedicated connection LISTENs on {@code offer_search_log} (NOTIFY is delivered at the
 * writer's commit), and the follower reads the log at least every {@code maxStaleness} anyway, so a
 * lost notification (a broken listen connection, a restarted database) only delays a change up to
 * that bound. An instance's own writes are read at once ({@link #catchUp}, called by the search
 * after a local commit).
 *
 * <p>Sequences are drawn before commit, so a transaction may commit a lower sequence after a
 * higher one is visible. The follower therefore remembers every sequence it skipped over (a gap)
 * and looks for it again on every read until it shows up or is older than {@code gapTimeout}: then
 * it was rolled back (no transaction outlives the transaction timeout, 60 s by default; the gap
 * timeout is longer).
 * A row only names an offer, and applying reads the offer's committed state, so applying a row again
 * or late is harmless.
 */
public final class ChangeFollower implements AutoCloseable {

    /** The rows below the newest one whose absence at build time counts as a gap to wait for. */
    static final int BUILD_WINDOW = 1000;
    static final int BATCH = 2000;
    private static final Logger LOG = Logger.getLogger(ChangeFollower.class);

    /** Opens a connection of its own for LISTEN (kept open, so not one of the pool's). */
    public interface ListenConnection {
        Connection open() throws SQLException;
    }

    private final DataSource dataSource;
    private final SearchIndex index;
    private final ListenConnection listen;
    private final Duration maxStaleness;
    private final Duration gapTimeout;
    private final String name;
    /** The highest sequence read; every one below it is applied or a pending gap. */
    private long readUpTo;
    /** Sequences below {@link #readUpTo} not seen yet, with the time (nanos) they were first missed. */
    private final Map<Long, Long> gapSince = new HashMap<>();
    private volatile boolean built;
    private volatile boolean running;
    private Thread thread;
    private volatile Connection listening;

    /**
     * @param listen null: no LISTEN, the poll alone (a follower whose every notification is lost)
     */
    public ChangeFollower(String name, DataSource dataSource, SearchIndex index, ListenConnection listen,
            Duration maxStaleness, Duration gapTimeout) {
        this.name = name;
        this.dataSource = dataSource;
        this.index = index;
        this.listen = listen;
        this.maxStaleness = maxStaleness;
        this.gapTimeout = gapTimeout;
    }

    public boolean built() {
        return built;
    }

    public SearchIndex index() {
        return index;
    }

    /** Builds the index (blocking), then follows the log on a thread of its own. */
    public void start() throws Exception {
        build();
        running = true;
        thread = new Thread(this::follow, "search-index-follower-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Everything published, and the change log's position, in one snapshot. */
    public synchronized void build() throws Exception {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long newest = 0;
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("select coalesce(max(seq), 0) from offer_search_log")) {
                    r.next();
                    newest = r.getLong(1);
                }
                readUpTo = newest;
                gapSince.clear();
                // Sequences drawn by transactions still open now are not visible yet: wait for them.
                Set<Long> seen = new java.util.HashSet<>();
                try (PreparedStatement p = c.prepareStatement("select seq from offer_search_log where seq > ?")) {
                    p.setLong(1, newest - BUILD_WINDOW);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            seen.add(r.getLong(1));
                        }
                    }
                }
                long now = System.nanoTime();
                for (long seq = Math.max(1, newest - BUILD_WINDOW + 1); seq <= newest; seq++) {
                    if (!seen.contains(seq)) {
                        gapSince.put(seq, now);
                    }
                }
                index.replaceAll(sink -> OfferRows.all(c, sink));
                c.commit();
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
        built = true;
        LOG.infof("Search index %s built: %d published offers in %d ms", name, index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies every change committed so far; returns when they are searchable. */
    public synchronized void catchUp() {
        if (!built) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (!gapSince.isEmpty()) {
                // Gaps first: a transaction that drew a lower sequence may have committed since.
                TreeMap<Long, UUID> late = new TreeMap<>();
                try (PreparedStatement p = c.prepareStatement(
                        "select seq, offer_id from offer_search_log where seq = any(?)")) {
                    p.setArray(1, c.createArrayOf("bigint", gapSince.keySet().toArray()));
                    read(p, late);
                }
                apply(c, late);
                late.keySet().forEach(gapSince::remove);
                long now = System.nanoTime();
                gapSince.values().removeIf(since -> now - since > gapTimeout.toNanos());
            }
            boolean more = true;
            while (more) {
                TreeMap<Long, UUID> rows = new TreeMap<>();
                try (PreparedStatement p = c.prepareStatement(
                        "select seq, offer_id from offer_search_log where seq > ? order by seq limit " + BATCH)) {
                    p.setLong(1, readUpTo);
                    read(p, rows);
                }
                apply(c, rows);
                long now = System.nanoTime();
                for (long seq : rows.keySet()) {
                    for (long missing = readUpTo + 1; missing < seq; missing++) {
                        gapSince.put(missing, now);
                    }
                    readUpTo = seq;
                }
                more = rows.size() == BATCH;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the offer change log failed", e);
        }
    }

    private static void read(PreparedStatement p, Map<Long, UUID> rows) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.put(r.getLong(1), r.getObject(2, UUID.class));
            }
        }
    }

    private void apply(Connection c, Map<Long, UUID> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Set<UUID> changed = new LinkedHashSet<>(rows.values());
        Map<UUID, OfferRow> published = new HashMap<>();
        OfferRows.byIds(c, changed, row -> published.put(row.id(), row));
        index.apply(changed, published);
    }

    private void follow() {
        while (running) {
            try {
                waitForNotification();
                catchUp();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Search index %s: following the change log failed, trying again", name);
                pause();
            }
        }
    }

    /** Returns on a notification or after maxStaleness, whichever comes first. */
    private void waitForNotification() {
        if (listen == null) {
            pause();
            return;
        }
        try {
            if (listening == null || listening.isClosed()) {
                Connection c = listen.open();
                try (Statement s = c.createStatement()) {
                    s.execute("listen offer_search_log");
                }
                listening = c;
            }
            listening.unwrap(PGConnection.class).getNotifications((int) Math.max(1, maxStaleness.toMillis()));
        } catch (SQLException e) {
            LOG.warnf("Search index %s: the listen connection failed (%s); polling until it is back", name,
                    e.getMessage());
            closeListening();
            pause();
        }
    }

    private void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(maxStaleness.toNanos());
    }

    private void closeListening() {
        Connection c = listening;
        listening = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listen connection failed", e);
            }
        }
    }

    /** For tests: drops the listen connection, as a network failure would (its notifications are lost). */
    void dropListenConnection() {
        closeListening();
    }

    @Override
    public void close() throws Exception {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(maxStaleness.toMillis() + 5000);
        }
        closeListening();
        index.close();
    }

    synchronized List<Long> pendingGaps() {
        return new ArrayList<>(gapSince.keySet());
    }

    @Override
    public String toString() {
        return "follower " + name;
    }
}
