package de.handinhand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.testing.EntryFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lag from submit to visible: for each of N entries (one at a time, each to its own call, since a
 * municipality enters a call once), the time from sending {@code POST /submit} through the gateway
 * until the organizer sees the case at {@code /api/scoring/cases} and the Kreis office sees the
 * proposal at {@code /api/catalogue/offers?status=PROPOSED}, both polled through the gateway every
 * 2 ms. Also prints the submit request's own latency.
 */
final class SubmitLag {

    static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final Target target;
    private final int entries;

    SubmitLag(Target target, int entries) {
        this.target = target;
        this.entries = entries;
    }

    void run() throws Exception {
        Stats submit = new Stats();
        Stats scoring = new Stats();
        Stats catalogue = new Stats();
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        int warmup = Math.min(10, entries / 10);
        System.out.printf("Submitting %d entries (after %d warm-up entries), one at a time ...%n", entries, warmup);
        try {
            for (int i = 0; i < warmup + entries; i++) {
                String call = newCall("Bench lag " + Instant.now() + " #" + i);
                String entry = draft(call, i);
                long sent = System.nanoTime();
                target.post("dachau", "/api/submissions/" + entry + "/submit", null, 200);
                long answered = System.nanoTime();
                Future<Long> inScoring = pollers.submit(poll(sent, () -> target.get("orga",
                        "/api/scoring/cases?callId=" + call).get("total").asInt() == 1));
                Future<Long> inCatalogue = pollers.submit(poll(sent, () -> hasProposal(entry)));
                long scoringNanos = inScoring.get();
                long catalogueNanos = inCatalogue.get();
                if (i >= warmup) {
                    submit.add((answered - sent) / 1e6);
                    scoring.add(scoringNanos / 1e6);
                    catalogue.add(catalogueNanos / 1e6);
                }
            }
        } finally {
            pollers.shutdownNow();
        }
        System.out.println("submit request (through the gateway):      " + submit.summary());
        System.out.println("submit -> case visible in scoring:          " + scoring.summary());
        System.out.println("submit -> proposal visible in catalogue:    " + catalogue.summary());
    }

    private String newCall(String title) throws Exception {
        Instant now = Instant.now();
        return target.post("orga", "/api/calls", Map.of("title", title, "kind", "COMPETITION",
                "formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND",
                "opensAt", now.minus(Duration.ofDays(1)).toString(),
                "deadline", now.plus(Duration.ofDays(30)).toString(),
                "juryEndsAt", now.plus(Duration.ofDays(60)).toString(),
                "categories", List.of("LANDKREIS")), 201).get("id").asText();
    }

    private String draft(String call, int i) throws Exception {
        return target.post("dachau", "/api/submissions", EntryFixtures.entry(call, "Benchmark-Beitrag " + i,
                List.of(EntryFixtures.project("Sprachcafé " + i, "Beschreibung " + i))), 201).get("id").asText();
    }

    private boolean hasProposal(String entry) throws Exception {
        JsonNode items = target.get("dah-office", "/api/catalogue/offers?status=PROPOSED&size=5").get("items");
        for (JsonNode item : items) {
            if (entry.equals(item.path("origin").path("submissionId").asText())) {
                return true;
            }
        }
        return false;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the check holds; returns nanoseconds since {@code start}. */
    private static Callable<Long> poll(long start, Check check) {
        return () -> {
            while (System.nanoTime() - start < GIVE_UP.toNanos()) {
                if (check.holds()) {
                    return System.nanoTime() - start;
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("not visible after " + GIVE_UP.toSeconds() + " s");
        };
    }
}
