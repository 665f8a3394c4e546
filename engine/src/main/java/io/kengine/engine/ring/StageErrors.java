package io.kengine.engine.ring;

import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts exceptions thrown by stages and logs the first few (then every 1000th) with the event's
 * type and sequence, so a flood of one bad input cannot flood the log.
 */
public final class StageErrors {
    private static final System.Logger LOG = System.getLogger(StageErrors.class.getName());
    private final AtomicLong count = new AtomicLong();

    public void record(Stage stage, EventSlot slot, RuntimeException e) {
        long n = count.incrementAndGet();
        if (n <= 10 || n % 1000 == 0) {
            LOG.log(System.Logger.Level.ERROR, "stage " + stage.getClass().getSimpleName() + " failed on "
                + EventType.name(slot.type()) + " seq=" + slot.sequence() + " (error #" + n + ")", e);
        }
    }

    public long count() {
        return count.get();
    }
}
