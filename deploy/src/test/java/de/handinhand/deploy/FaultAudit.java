package de.handinhand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.deploy.Workload.Change;
import de.handinhand.deploy.Workload.Kind;
import de.handinhand.deploy.Workload.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What became of a ledger of entry changes, counted in the databases themselves after the fault
 * healed. The submission database is the truth of what committed (its entries, their frozen
 * versions and the outbox); each consumer is compared with it and with the ledger:
 * <ul>
 * <li><b>lost</b>: a committed change that did not take effect: its event never written, or not in
 * the consumer's inbox, or (for the domain) fewer effect records than the entry has versions;</li>
 * <li><b>phantom</b>: an effect no committed or indeterminate change explains: an event applied
 * (or just written) for a change that was rejected or never made, a case or offer of an entry that
 * never committed a submit, a final state naming such a version;</li>
 * <li><b>duplicates</b> in the domain tables: more change-feed records (scoring) or history records
 * of one version (catalogue) than the entry has versions;</li>
 * <li><b>versions off</b>: entries whose final state in the consumer is not the entry's last
 * committed version and status in the submission database, or whose truth is behind the last change
 * the ledger saw committed.</li>
 * </ul>
 */
final class FaultAudit {

    static final String SCORING_INBOX = "scoring.submission-events";
    static final String CATALOGUE_INBOX = "catalogue.submission-events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION_NOTE = Pattern.compile("^version (\\d+) of the entry");

    /** The counts of one consumer. */
    record Counts(long lost, long phantom, long duplicates, long versionsOff) {
        boolean clean() {
            return lost == 0 && phantom == 0 && duplicates == 0 && versionsOff == 0;
        }

        @Override
        public String toString() {
            return lost + "/" + phantom + "/" + duplicates + "/" + versionsOff;
        }
    }

    /** An event of the outbox: which change it announces. */
    record Event(long seq, String id, UUID entry, Kind kind, int version, Instant created, Instant published) {
    }

    /** What the submission database says an entry is. */
    record Truth(UUID entry, String status, int version, Set<Integer> versions) {
    }

    /** The whole finding. */
    record Report(Counts scoring, Counts catalogue, long sourceLost, long sourcePhantom, long unpublished,
            Instant lastEffectOfBacklog, List<String> examples) {
        boolean clean() {
            return scoring.clean() && catalogue.clean() && sourceLost == 0 && sourcePhantom == 0;
        }
    }

    private final FaultStack stack;
    private final List<Change> ledger;
    private final UUID[] entries;
    private final String[] entryTexts;

    FaultAudit(FaultStack stack, Collection<Change> ledger) {
        this.stack = stack;
        this.ledger = List.copyOf(ledger);
        Set<UUID> ids = new HashSet<>();
        this.ledger.forEach(c -> ids.add(c.entry()));
        this.entries = ids.toArray(UUID[]::new);
        this.entryTexts = ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** Counts everything; {@code backlogBefore}: the instant before which events count as the fault's backlog. */
    Report count(Instant backlogBefore) {
        List<String> examples = new ArrayList<>();
        Map<UUID, Truth> truth = truth();
        Map<UUID, List<Event>> events = events();
        Map<UUID, List<Change>> byEntry = new LinkedHashMap<>();
        ledger.forEach(c -> byEntry.computeIfAbsent(c.entry(), k -> new ArrayList<>()).add(c));

        // The source: every committed change has its event, no event without a change that may have happened.
        long sourceLost = 0;
        long sourcePhantom = 0;
        long sourceBehind = 0;
        for (Map.Entry<UUID, List<Change>> e : byEntry.entrySet()) {
            List<Event> own = events.getOrDefault(e.getKey(), List.of());
            for (Change c : e.getValue()) {
                if (c.outcome() == Outcome.COMMITTED && announces(c) && find(own, c) == null) {
                    sourceLost++;
                    example(examples, "no event for committed " + c);
                }
            }
            for (Event ev : own) {
                if (!explained(ev, e.getValue())) {
                    sourcePhantom++;
                    example(examples, "event without a change that may have happened: " + ev);
                }
            }
            if (!truthCoversLedger(truth.get(e.getKey()), e.getValue())) {
                sourceBehind++;
                example(examples, "the submission database is behind the last committed change of " + e.getKey()
                        + ": " + truth.get(e.getKey()));
            }
        }

        String[] ids = events.values().stream().flatMap(List::stream).map(Event::id).toArray(String[]::new);
        Map<String, Instant> scoringInbox = inbox("scoring", SCORING_INBOX, ids);
        Map<String, Instant> catalogueInbox = inbox("catalogue", CATALOGUE_INBOX, ids);
        Counts scoring = scoring(byEntry, truth, events, scoringInbox, sourceLost, sourceBehind, examples);
        Counts catalogue = catalogue(byEntry, truth, events, catalogueInbox, sourceLost, sourceBehind, examples);

        Instant lastEffect = null;
        for (List<Event> own : events.values()) {
            for (Event ev : own) {
                if (!ev.created().isAfter(backlogBefore)) {
                    for (Instant applied : new Instant[] {scoringInbox.get(ev.id()), catalogueInbox.get(ev.id())}) {
                        if (applied != null && (lastEffect == null || applied.isAfter(lastEffect))) {
                            lastEffect = applied;
                        }
                    }
                }
            }
        }
        long unpublished = stack.count("submission", "select count(*) from outbox_event where published_at is null");
        return new Report(scoring, catalogue, sourceLost, sourcePhantom, unpublished, lastEffect, examples);
    }

    private Counts scoring(Map<UUID, List<Change>> byEntry, Map<UUID, Truth> truth, Map<UUID, List<Event>> events,
            Map<String, Instant> inbox, long sourceLost, long sourceBehind, List<String> examples) {
        Map<UUID, Object[]> cases = new HashMap<>();
        for (Object[] r : stack.rows("scoring", "select submission_id, version, status from jury_case "
                + "where submission_id = any(?)", (Object) entries)) {
            cases.put((UUID) r[0], r);
        }
        Map<UUID, long[]> feed = new HashMap<>();
        for (Object[] r : stack.rows("scoring", "select submission_id, kind, count(*) from change_log "
                + "where submission_id = any(?) group by 1, 2", (Object) entries)) {
            long[] counts = feed.computeIfAbsent((UUID) r[0], k -> new long[2]);
            counts["CASE_WITHDRAWN".equals(r[1]) ? 1 : 0] += ((Number) r[2]).longValue();
        }
        long lost = sourceLost;
        long phantom = 0;
        long duplicates = 0;
        long off = sourceBehind;
        for (Map.Entry<UUID, List<Change>> e : byEntry.entrySet()) {
            UUID entry = e.getKey();
            Truth t = truth.get(entry);
            List<Event> own = events.getOrDefault(entry, List.of());
            long notApplied = notApplied(e.getValue(), own, inbox, "scoring", examples);
            long[] records = feed.getOrDefault(entry, new long[2]);
            long expectedUpdates = t == null ? 0 : t.versions().size();
            long expectedWithdrawals = t != null && "WITHDRAWN".equals(t.status()) && t.version() > 0 ? 1 : 0;
            long deficit = Math.max(0, expectedUpdates - records[0]) + Math.max(0, expectedWithdrawals - records[1]);
            lost += Math.max(notApplied, deficit);
            long excess = Math.max(0, records[0] - expectedUpdates) + Math.max(0, records[1] - expectedWithdrawals);
            duplicates += excess;
            if (excess > 0) {
                example(examples, "scoring: change feed of " + entry + " has " + records[0] + " updates and "
                        + records[1] + " withdrawals for " + t);
            }
            phantom += appliedWithoutChange(own, e.getValue(), inbox, "scoring", examples);
            Object[] c = cases.get(entry);
            int version = t == null ? 0 : t.version();
            if (version == 0) {
                if (c != null) {
                    phantom++;
                    example(examples, "scoring: a case of " + entry + ", which never committed a submit");
                }
                continue;
            }
            String expectedStatus = "WITHDRAWN".equals(t.status()) ? "WITHDRAWN" : "ACTIVE";
            if (c == null || ((Number) c[1]).intValue() != version || !expectedStatus.equals(c[2])) {
                off++;
                example(examples, "scoring: case of " + entry + " is " + (c == null ? "missing"
                        : "version " + c[1] + " " + c[2]) + ", the entry " + t);
                if (c != null && !mayHaveHappened(e.getValue(), ((Number) c[1]).intValue())) {
                    phantom++;
                }
            }
        }
        return new Counts(lost, phantom, duplicates, off);
    }

    private Counts catalogue(Map<UUID, List<Change>> byEntry, Map<UUID, Truth> truth, Map<UUID, List<Event>> events,
            Map<String, Instant> inbox, long sourceLost, long sourceBehind, List<String> examples) {
        Map<UUID, List<Object[]>> offers = new HashMap<>();
        for (Object[] r : stack.rows("catalogue", "select origin_submission_id, origin_project, origin_version, status "
                + "from offer where origin_submission_id = any(?)", (Object) entries)) {
            offers.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(r);
        }
        Map<UUID, Map<Integer, Long>> history = new HashMap<>();
        for (Object[] r : stack.rows("catalogue", "select o.origin_submission_id, c.note, count(*) from offer_change c "
                + "join offer o on o.id = c.offer_id where o.origin_submission_id = any(?) group by 1, 2", (Object) entries)) {
            Matcher m = VERSION_NOTE.matcher(r[1] == null ? "" : (String) r[1]);
            if (m.find()) {
                history.computeIfAbsent((UUID) r[0], k -> new HashMap<>())
                        .merge(Integer.parseInt(m.group(1)), ((Number) r[2]).longValue(), Long::sum);
            }
        }
        long lost = sourceLost;
        long phantom = 0;
        long duplicates = 0;
        long off = sourceBehind;
        for (Map.Entry<UUID, List<Change>> e : byEntry.entrySet()) {
            UUID entry = e.getKey();
            Truth t = truth.get(entry);
            List<Event> own = events.getOrDefault(entry, List.of());
            long notApplied = notApplied(e.getValue(), own, inbox, "catalogue", examples);
            int version = t == null ? 0 : t.version();
            boolean withdrawn = t != null && "WITHDRAWN".equals(t.status());
            Map<Integer, Long> notes = history.getOrDefault(entry, Map.of());
            // A withdrawal deletes the proposals, and their history with them: only live entries show each version.
            long deficit = 0;
            if (!withdrawn && t != null) {
                for (int v : t.versions()) {
                    if (!notes.containsKey(v)) {
                        deficit++;
                    }
                }
            }
            lost += Math.max(notApplied, deficit);
            for (Map.Entry<Integer, Long> n : notes.entrySet()) {
                if (n.getValue() > 1) {
                    duplicates += n.getValue() - 1;
                    example(examples, "catalogue: version " + n.getKey() + " of " + entry + " recorded " + n.getValue()
                            + " times");
                }
            }
            phantom += appliedWithoutChange(own, e.getValue(), inbox, "catalogue", examples);
            List<Object[]> own0 = offers.getOrDefault(entry, List.of());
            if (version == 0 || withdrawn) {
                if (!own0.isEmpty()) {
                    if (version == 0) {
                        phantom++;
                    } else {
                        off++;
                    }
                    example(examples, "catalogue: " + own0.size() + " offer(s) of " + entry + ", the entry " + t);
                }
                continue;
            }
            boolean right = own0.size() == 1 && ((Number) own0.get(0)[2]).intValue() == version
                    && "PROPOSED".equals(own0.get(0)[3]);
            if (!right) {
                off++;
                example(examples, "catalogue: offers of " + entry + " are " + own0.stream()
                        .map(o -> "project " + o[1] + " version " + o[2] + " " + o[3]).toList() + ", the entry " + t);
                for (Object[] o : own0) {
                    if (!mayHaveHappened(e.getValue(), ((Number) o[2]).intValue())) {
                        phantom++;
                    }
                }
            }
        }
        return new Counts(lost, phantom, duplicates, off);
    }

    /** Committed changes with an event the consumer's inbox does not hold. */
    private static long notApplied(List<Change> changes, List<Event> events, Map<String, Instant> inbox, String who,
            List<String> examples) {
        long missing = 0;
        for (Change c : changes) {
            if (c.outcome() == Outcome.COMMITTED && announces(c)) {
                Event ev = find(events, c);
                if (ev != null && !inbox.containsKey(ev.id())) {
                    missing++;
                    example(examples, who + ": committed " + c.kind() + " v" + c.version() + " of " + c.entry()
                            + " (event " + ev.id() + ") never applied");
                }
            }
        }
        return missing;
    }

    /** Events the consumer applied that announce a change no answer said may have happened. */
    private static long appliedWithoutChange(List<Event> events, List<Change> changes, Map<String, Instant> inbox,
            String who, List<String> examples) {
        long phantom = 0;
        for (Event ev : events) {
            if (inbox.containsKey(ev.id()) && !explained(ev, changes)) {
                phantom++;
                example(examples, who + ": applied " + ev + " without such a change");
            }
        }
        return phantom;
    }

    private static boolean announces(Change c) {
        return c.kind() == Kind.SUBMIT || c.version() > 0;
    }

    private static Event find(List<Event> events, Change c) {
        for (Event ev : events) {
            if (ev.kind() == c.kind() && (c.kind() == Kind.WITHDRAW || ev.version() == c.version())) {
                return ev;
            }
        }
        return null;
    }

    /** A committed or indeterminate change of the ledger that this event may announce. */
    private static boolean explained(Event ev, List<Change> changes) {
        for (Change c : changes) {
            if (c.outcome() != Outcome.REJECTED && c.kind() == ev.kind()
                    && (c.kind() == Kind.WITHDRAW || c.version() == ev.version())) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHaveHappened(List<Change> changes, int version) {
        return changes.stream().anyMatch(c -> c.outcome() != Outcome.REJECTED && c.kind() == Kind.SUBMIT
                && c.version() == version);
    }

    /** The last committed change of the ledger is in the submission database (a later indeterminate one may be too). */
    private static boolean truthCoversLedger(Truth t, List<Change> changes) {
        Change last = null;
        for (Change c : changes) {
            if (c.outcome() == Outcome.COMMITTED && (last == null || c.answered().isAfter(last.answered()))) {
                last = c;
            }
        }
        if (last == null) {
            return true;
        }
        if (t == null) {
            return false;
        }
        if (last.kind() == Kind.WITHDRAW) {
            return "WITHDRAWN".equals(t.status());
        }
        return t.versions().contains(last.version()) && t.version() >= last.version();
    }

    private Map<UUID, Truth> truth() {
        Map<UUID, Set<Integer>> versions = new HashMap<>();
        for (Object[] r : stack.rows("submission", "select submission_id, version from submission_version "
                + "where submission_id = any(?)", (Object) entries)) {
            versions.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add(((Number) r[1]).intValue());
        }
        Map<UUID, Truth> truth = new HashMap<>();
        for (Object[] r : stack.rows("submission", "select id, status, version from submission where id = any(?)",
                (Object) entries)) {
            UUID id = (UUID) r[0];
            truth.put(id, new Truth(id, (String) r[1], ((Number) r[2]).intValue(), versions.getOrDefault(id, Set.of())));
        }
        return truth;
    }

    /** The entries' events in the outbox, in outbox order. */
    Map<UUID, List<Event>> events() {
        Map<UUID, List<Event>> events = new HashMap<>();
        for (Object[] r : stack.rows("submission", "select seq, id, aggregate_id, type, payload, created_at, published_at "
                + "from outbox_event where aggregate_id = any(?) order by seq", (Object) entryTexts)) {
            String type = (String) r[3];
            Kind kind = type.endsWith(".submitted") ? Kind.SUBMIT : type.endsWith(".withdrawn") ? Kind.WITHDRAW : null;
            if (kind == null) {
                continue;
            }
            int version;
            try {
                JsonNode data = JSON.readTree((String) r[4]).path("data");
                version = data.path("version").asInt(-1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            UUID entry = UUID.fromString((String) r[2]);
            events.computeIfAbsent(entry, k -> new ArrayList<>()).add(new Event(((Number) r[0]).longValue(),
                    r[1].toString(), entry, kind, version, instant(r[5]), instant(r[6])));
        }
        return events;
    }

    private Map<String, Instant> inbox(String database, String consumer, String[] ids) {
        Map<String, Instant> applied = new HashMap<>();
        for (Object[] r : stack.rows(database, "select event_id, processed_at from processed_event "
                + "where consumer = ? and event_id = any(?)", consumer, ids)) {
            applied.put((String) r[0], instant(r[1]));
        }
        return applied;
    }

    /**
     * Entries whose events reached the topic out of their outbox order (first deliveries only: a
     * re-sent copy of an event already on the topic is dropped by every inbox).
     */
    static long reordered(List<ConsumerRecord<String, String>> records, Map<UUID, List<Event>> events,
            List<String> examples) {
        Map<String, Long> seqOf = new HashMap<>();
        events.values().forEach(list -> list.forEach(e -> seqOf.put(e.id(), e.seq())));
        Map<String, Long> highest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long reordered = 0;
        for (ConsumerRecord<String, String> r : records) {
            String id;
            try {
                id = JSON.readTree(r.value()).path("id").asText(null);
            } catch (IOException e) {
                continue;
            }
            Long seq = id == null ? null : seqOf.get(id);
            if (seq == null || !seen.add(id)) {
                continue;
            }
            Long before = highest.get(r.key());
            if (before != null && seq < before) {
                reordered++;
                example(examples, "event " + id + " of " + r.key() + " (outbox " + seq + ") reached the topic after "
                        + "outbox " + before);
            }
            highest.merge(r.key(), seq, Math::max);
        }
        return reordered;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 8) {
            examples.add(text);
        }
    }

    static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }
}
