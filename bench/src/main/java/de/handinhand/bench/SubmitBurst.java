package de.handinhand.bench;

import de.handinhand.common.testing.EntryFixtures;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A deadline burst: N complete entries, drafted beforehand, submitted through the gateway by C
 * concurrent clients (a closed loop: each client sends its next submit when its answer came) with
 * real tokens of the three demo municipalities (each to its own call, since a municipality enters a
 * call once). Prints submits per second, latency percentiles, errors, and the time until all N
 * submitted events are on Kafka, read from the topic itself.
 */
final class SubmitBurst {

    static final List<String> SUBMITTERS = List.of("heilbronn", "recklinghausen", "dachau");

    private final Target target;
    private final int entries;
    private final int clients;
    private final String kafka;
    private final Duration hold;

    SubmitBurst(Target target, int entries, int clients, String kafka, Duration hold) {
        this.target = target;
        this.entries = entries;
        this.clients = clients;
        this.kafka = kafka;
        this.hold = hold;
    }

    private record Draft(String user, String id) {
    }

    void run() throws Exception {
        System.out.printf("Preparing %d complete drafts in %d calls ...%n", entries,
                (entries + SUBMITTERS.size() - 1) / SUBMITTERS.size());
        List<Draft> drafts = prepare();
        if (!hold.isZero()) {
            // Time to attach a profiler to exactly the burst.
            System.out.printf("Drafts ready; bursting in %d s ...%n", hold.toSeconds());
            Thread.sleep(hold.toMillis());
        }

        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor("submission-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            System.out.printf("Burst: %d submits by %d clients ...%n", entries, clients);
            List<ClosedLoop.Call> submits = new ArrayList<>();
            for (Draft draft : drafts) {
                submits.add(new ClosedLoop.Call(HttpMethod.POST, "/api/submissions/" + draft.id() + "/submit",
                        target.token(draft.user())));
            }
            ClosedLoop.Result result;
            long start;
            try (ClosedLoop loop = new ClosedLoop(target.gateway(), clients)) {
                start = System.nanoTime();
                result = loop.run(submits, clients, 200);
            }
            long burstNanos = result.wallNanos();
            Stats latency = result.latency();
            int failed = result.errors();
            List<String> errorSamples = result.errorSamples();

            Set<String> expected = new HashSet<>();
            drafts.forEach(d -> expected.add(d.id()));
            long allOnKafkaNanos = waitForEvents(consumer, expected, start);

            double seconds = burstNanos / 1e9;
            System.out.printf("submits: %d ok, %d errors in %.2f s  ->  %.0f submits/s%n",
                    result.ok(), failed, seconds, result.ok() / seconds);
            System.out.println("submit latency (through the gateway): " + latency.summary());
            if (allOnKafkaNanos >= 0) {
                System.out.printf("all %d submitted events on Kafka %.2f s after the burst began (%.2f s after the last"
                        + " submit answered)%n", expected.size(), allOnKafkaNanos / 1e9, (allOnKafkaNanos - burstNanos) / 1e9);
            }
            errorSamples.forEach(e -> System.out.println("  error: " + e));
        }
    }

    private List<Draft> prepare() throws Exception {
        int calls = (entries + SUBMITTERS.size() - 1) / SUBMITTERS.size();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<Draft>>> futures = new ArrayList<>();
        AtomicInteger made = new AtomicInteger();
        for (int c = 0; c < calls; c++) {
            int number = c;
            futures.add(pool.submit(() -> {
                Instant now = Instant.now();
                String call = target.post("orga", "/api/calls", Map.of("title", "Bench burst #" + number + " " + now,
                        "kind", "COMPETITION", "formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND",
                        "opensAt", now.minus(Duration.ofDays(1)).toString(),
                        "deadline", now.plus(Duration.ofDays(30)).toString(),
                        "juryEndsAt", now.plus(Duration.ofDays(60)).toString(),
                        "categories", List.of("LANDKREIS")), 201).get("id").asText();
                List<Draft> drafts = new ArrayList<>();
                for (String user : SUBMITTERS) {
                    if (made.getAndIncrement() >= entries) {
                        break;
                    }
                    String id = target.post(user, "/api/submissions", EntryFixtures.entry(call,
                            "Burst " + user + " " + number), 201).get("id").asText();
                    drafts.add(new Draft(user, id));
                }
                return drafts;
            }));
        }
        List<Draft> all = new ArrayList<>();
        for (Future<List<Draft>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        Collections.shuffle(all);
        return all;
    }

    /** Reads the topic until every expected entry's submitted event is there; returns nanos since start. */
    private static long waitForEvents(KafkaConsumer<String, String> consumer, Set<String> expected, long start) {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (seen.size() < expected.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                if (expected.contains(record.key()) && record.value().contains("handinhand.submission.submitted")) {
                    seen.add(record.key());
                }
            }
        }
        if (seen.size() < expected.size()) {
            System.out.printf("only %d of %d events reached Kafka within 120 s%n", seen.size(), expected.size());
            return -1;
        }
        return System.nanoTime() - start;
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }
}
