package de.handinhand.common.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboxTimingsTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    @Test
    void aWaitLongerThanTheProducerCanTakeAndShorterThanTheTransactionAgrees() {
        OutboxTimings timings = OutboxTimings.of(Duration.ofSeconds(40), config(Map.of(
                "mp.messaging.outgoing.outbox.max.block.ms", "10000",
                "mp.messaging.outgoing.outbox.delivery.timeout.ms", "25000")));
        assertEquals(new OutboxTimings(Duration.ofSeconds(40), Duration.ofSeconds(10), Duration.ofSeconds(25),
                Duration.ofSeconds(60)), timings);
        assertEquals(List.of(), timings.problems());
    }

    @Test
    void aRelayThatGivesUpWhileTheProducerMayStillDeliverIsRefused() {
        // Issue 13: 30 s of waiting against 10 s + 25 s of producer time, the services' settings until now.
        List<String> problems = OutboxTimings.of(Duration.ofSeconds(30), config(Map.of(
                "mp.messaging.outgoing.outbox.max.block.ms", "10000",
                "mp.messaging.outgoing.outbox.delivery.timeout.ms", "25000"))).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("max.block.ms + delivery.timeout.ms (10000 + 25000 ms)"), problems.get(0));
        // Equal is not enough either: the acknowledgement may come in the last millisecond.
        assertEquals(1, new OutboxTimings(Duration.ofSeconds(35), Duration.ofSeconds(10), Duration.ofSeconds(25),
                Duration.ofSeconds(60)).problems().size());
    }

    @Test
    void kafkasOwnDefaultsApplyWhereNothingIsSet() {
        OutboxTimings timings = OutboxTimings.of(Duration.ofSeconds(40), config(Map.of()));
        assertEquals(Duration.ofSeconds(60), timings.maxBlock());
        assertEquals(Duration.ofSeconds(120), timings.deliveryTimeout());
        assertEquals(1, timings.problems().size());
    }

    @Test
    void theChannelsSettingWinsOverTheGlobalKafkaOne() {
        OutboxTimings timings = OutboxTimings.of(Duration.ofSeconds(40), config(Map.of(
                "kafka.max.block.ms", "50000",
                "kafka.delivery.timeout.ms", "20000",
                "mp.messaging.outgoing.outbox.max.block.ms", "5000")));
        assertEquals(Duration.ofSeconds(5), timings.maxBlock());
        assertEquals(Duration.ofSeconds(20), timings.deliveryTimeout());
    }

    @Test
    void aWaitTooCloseToTheTransactionTimeoutIsRefused() {
        OutboxTimings timings = OutboxTimings.of(Duration.ofSeconds(55), config(Map.of(
                "mp.messaging.outgoing.outbox.max.block.ms", "10000",
                "mp.messaging.outgoing.outbox.delivery.timeout.ms", "25000",
                "quarkus.transaction-manager.default-transaction-timeout", "60s")));
        assertEquals(1, timings.problems().size());
        assertTrue(timings.problems().get(0).contains("transaction timeout (60000 ms)"), timings.problems().get(0));
        assertEquals(List.of(), OutboxTimings.of(Duration.ofSeconds(55), config(Map.of(
                "mp.messaging.outgoing.outbox.max.block.ms", "10000",
                "mp.messaging.outgoing.outbox.delivery.timeout.ms", "25000",
                "quarkus.transaction-manager.default-transaction-timeout", "2m"))).problems());
    }
}
