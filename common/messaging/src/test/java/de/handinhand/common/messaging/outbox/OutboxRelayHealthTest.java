package de.handinhand.common.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class OutboxRelayHealthTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T03:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final Hand clock = new Hand();
    private final OutboxRelayStatus status = new OutboxRelayStatus(clock);
    private final OutboxRelayHealth health = new OutboxRelayHealth(status, Duration.ofSeconds(30), clock);

    @Test
    void upWhileTheRoundsGetThrough() {
        status.roundSucceeded();
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("outbox relay", response.getName());
        assertEquals(true, response.getData().isEmpty());
    }

    @Test
    void aShortFailureIsReportedButKeepsItUp() {
        status.roundFailed(clock.now, "Kafka acknowledged 0 of 3 events: TimeoutException");
        clock.now = clock.now.plusSeconds(10);
        HealthCheckResponse response = health.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals("2026-12-01T03:00:00Z", data.get("failing-since"));
        assertEquals(1L, ((Number) data.get("failed-rounds")).longValue());
    }

    @Test
    void downOnceTheRoundsHaveFailedLongerThanTheLimitAndUpAgainAfterOneGotThrough() {
        // The first round waited its whole send timeout before it knew: the outage counts from its start.
        Instant firstRound = clock.now;
        clock.now = clock.now.plusSeconds(25);
        status.roundFailed(firstRound, "first");
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
        clock.now = clock.now.plusSeconds(5);
        status.roundFailed(clock.now, "org.apache.kafka.common.errors.TimeoutException: Topic submission-events not present");
        HealthCheckResponse down = health.call();
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        Map<String, Object> data = down.getData().orElseThrow();
        assertEquals("2026-12-01T03:00:00Z", data.get("failing-since"), "since the first failed round");
        assertEquals(2L, ((Number) data.get("failed-rounds")).longValue());
        assertEquals("org.apache.kafka.common.errors.TimeoutException: Topic submission-events not present",
                data.get("last-error"));

        status.roundSucceeded();
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus());
        status.roundFailed(clock.now, "again");
        assertEquals(HealthCheckResponse.Status.UP, health.call().getStatus(), "a new failure starts a new wait");
    }
}
