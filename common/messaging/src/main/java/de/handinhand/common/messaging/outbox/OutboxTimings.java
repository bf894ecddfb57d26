package de.handinhand.common.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The relay's wait for Kafka against the bounds around it, checked when the relay starts.
 * <ul>
 * <li>The producer reports success or failure of a record at most {@code max.block.ms} (send()
 * blocking for metadata or buffer space) plus {@code delivery.timeout.ms} (retries after send()
 * returned) after it was handed over. A relay that gives up earlier puts the row back while its
 * send may still succeed: the next round sends it again, possibly through another instance, and
 * the copy that was given up on can still land after the entry's next event. So the wait must be
 * longer than both together: when the relay gives up, Kafka has given up too.</li>
 * <li>The round waits inside its transaction (the claimed rows stay locked); the transaction
 * manager aborts a transaction older than its timeout, and then the rows Kafka acknowledged could
 * not be marked and would be sent again forever. So the wait must leave the transaction
 * {@link #TRANSACTION_MARGIN} for claiming and marking.</li>
 * </ul>
 */
record OutboxTimings(Duration sendTimeout, Duration maxBlock, Duration deliveryTimeout, Duration transactionTimeout) {

    static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(10);
    private static final String CHANNEL = "mp.messaging.outgoing.outbox.";

    /**
     * The relay's settings and the outbox channel's producer settings as the Kafka connector
     * resolves them: the channel's own value, else the global {@code kafka.} value, else Kafka's
     * default (60 s and 120 s); the transaction timeout of Quarkus (60 s by default).
     */
    static OutboxTimings of(Duration sendTimeout, Config config) {
        return new OutboxTimings(sendTimeout,
                Duration.ofMillis(kafka(config, "max.block.ms", 60_000)),
                Duration.ofMillis(kafka(config, "delivery.timeout.ms", 120_000)),
                config.getOptionalValue("quarkus.transaction-manager.default-transaction-timeout", Duration.class)
                        .orElse(Duration.ofSeconds(60)));
    }

    private static long kafka(Config config, String name, long kafkaDefault) {
        return config.getOptionalValue(CHANNEL + name, Long.class)
                .or(() -> config.getOptionalValue("kafka." + name, Long.class))
                .orElse(kafkaDefault);
    }

    /** What is wrong, in words an operator can act on; empty when the timings agree. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Duration producer = maxBlock.plus(deliveryTimeout);
        if (sendTimeout.compareTo(producer) <= 0) {
            problems.add("handinhand.outbox.send-timeout (" + sendTimeout.toMillis() + " ms) must be longer than the "
                    + "outbox channel's max.block.ms + delivery.timeout.ms (" + maxBlock.toMillis() + " + "
                    + deliveryTimeout.toMillis() + " ms): the relay would send a row again while Kafka may still "
                    + "deliver the first send");
        }
        if (sendTimeout.plus(TRANSACTION_MARGIN).compareTo(transactionTimeout) > 0) {
            problems.add("handinhand.outbox.send-timeout (" + sendTimeout.toMillis() + " ms) must be at least "
                    + TRANSACTION_MARGIN.toSeconds() + " s shorter than the transaction timeout ("
                    + transactionTimeout.toMillis() + " ms): a round that waits that long is aborted, and what "
                    + "Kafka acknowledged is sent again");
        }
        return problems;
    }
}
