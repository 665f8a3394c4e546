package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.protocol.stage.EventSlot;

/**
 * Wraps the business handler of the {@code single} and {@code fused} mappings: when its thread has had
 * nothing to consume for an interval, it runs the idle work (an {@code IdleRehearsal} step) on that same
 * thread, then waits again. The timeout comes from the inbound wait strategy, so the work runs only
 * between events and never delays one that is already waiting. No idle work set: the handler only waits.
 */
public final class RehearsingHandler implements EventHandler<EventSlot> {
    private final EventHandler<EventSlot> business;
    private final IdleTimeouts waits;
    private final long intervalNanos;
    private Runnable idleWork;
    private long timeouts;

    public RehearsingHandler(EventHandler<EventSlot> business, IdleTimeouts waits, long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("idle interval must be positive: " + intervalNanos);
        }
        this.business = business;
        this.waits = waits;
        this.intervalNanos = intervalNanos;
    }

    /** Sets the idle work; before the ring starts (the thread start publishes it to the business thread). */
    public void idleWork(Runnable work) {
        this.idleWork = work;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) throws Exception {
        business.onEvent(slot, sequence, endOfBatch);
    }

    @Override
    public void onTimeout(long sequence) {
        timeouts++;
        if (idleWork != null) {
            idleWork.run();
        }
    }

    /** Idle intervals seen so far (business thread's count; for tests). */
    long timeouts() {
        return timeouts;
    }

    @Override
    public void onStart() {
        waits.idleTimeout(Thread.currentThread(), intervalNanos);
        business.onStart();
    }

    @Override
    public void onShutdown() {
        waits.idleTimeout(null, 0);
        business.onShutdown();
    }
}
