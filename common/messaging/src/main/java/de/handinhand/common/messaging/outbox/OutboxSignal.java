package de.handinhand.common.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay as soon as a transaction that wrote outbox rows has committed, so an event
 * leaves within milliseconds instead of at the next poll.
 */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    public void committed() {
        // One permit is enough to start a round; the round drains everything that is there.
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or until {@code timeout} passes. */
    public void await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
