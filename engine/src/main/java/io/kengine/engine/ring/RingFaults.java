package io.kengine.engine.ring;

import com.lmax.disruptor.ExceptionHandler;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventSlot;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A ring's last line for exceptions its consumers did not catch themselves: counted, logged (the first ten,
 * then at powers of two) and the consumer goes on with the next slot. The Disruptor's default handler ends
 * the consumer's thread instead: on the outbound ring all sending would stop and the business thread would
 * then block on the full ring, with orders still resting on the exchange.
 */
public final class RingFaults implements ExceptionHandler<EventSlot> {
    private static final System.Logger LOG = System.getLogger(RingFaults.class.getName());
    private final String ring;
    private final AtomicLong count = new AtomicLong();

    public RingFaults(String ring) {
        this.ring = ring;
    }

    /** Logs the first ten of a run of failures, then at powers of two, so a flood cannot flood the log. */
    static boolean worthLogging(long n) {
        return n <= 10 || Long.bitCount(n) == 1;
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, EventSlot slot) {
        long n = count.incrementAndGet();
        if (worthLogging(n)) {
            LOG.log(System.Logger.Level.ERROR, ring + " ring consumer failed on " + EventType.name(slot.type()) + " seq="
                + sequence + "; it goes on with the next slot (" + n + " failures so far)", ex);
        }
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, ring + " ring consumer failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        LOG.log(System.Logger.Level.ERROR, ring + " ring consumer failed to shut down", ex);
    }

    public long count() {
        return count.get();
    }
}
