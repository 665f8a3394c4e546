package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.stage.EventSlot;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * A ring consumer that nothing waits on (journal-in), on a thread of its own that polls the ring and parks
 * when it finds nothing: first for {@link #MIN_PARK_NANOS}, doubling up to the given maximum, back to the
 * minimum after every batch. It never spins, never yields, and no publisher ever signals it.
 *
 * <p>Why not a Disruptor event processor: the ring's wait strategy is shared by all its consumers, so such a
 * thread would spin and yield exactly as the business thread does, and count as one more spinning thread.
 * On a 2-core host that made {@code auto} give the business thread a blocking wait, and waking it
 * (≈ 50 µs on this VM) became most of tick-to-intent. This consumer may lag the ring by one park and
 * catch up in one batch; the ring's capacity is what it may lag at most (the producers then wait).
 */
public final class ParkingConsumer implements EventPoller.Handler<EventSlot>, AutoCloseable {
    /** The first park after a batch: short enough to keep up with a busy ring without spinning. */
    public static final long MIN_PARK_NANOS = 20_000;

    private static final System.Logger LOG = System.getLogger(ParkingConsumer.class.getName());

    private final EventPoller<EventSlot> poller;
    private final EventHandler<EventSlot> handler;
    private final long maxParkNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long failures;

    /**
     * @param ring         the ring to consume; this consumer gates its producers from now on
     * @param handler      called on this consumer's thread for every event, in sequence order
     * @param maxParkNanos the longest park while the ring stays empty (at least {@link #MIN_PARK_NANOS})
     */
    public ParkingConsumer(RingBuffer<EventSlot> ring, EventHandler<EventSlot> handler, long maxParkNanos,
                           ThreadFactory threads) {
        if (maxParkNanos < MIN_PARK_NANOS) {
            throw new IllegalArgumentException("maxParkNanos " + maxParkNanos + " < " + MIN_PARK_NANOS);
        }
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.handler = handler;
        this.maxParkNanos = maxParkNanos;
        this.thread = threads.newThread(this::run);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        handler.onStart();
        long park = MIN_PARK_NANOS;
        while (running) {
            if (pollOnce()) {
                park = MIN_PARK_NANOS;
            } else {
                LockSupport.parkNanos(this, park);
                park = Math.min(park * 2, maxParkNanos);
            }
        }
        while (pollOnce()) {
            // what was published before close(): consumed before the thread ends
        }
        handler.onShutdown();
    }

    /** One poll of everything published so far; true when there was something. */
    private boolean pollOnce() {
        try {
            return poller.poll(this) == EventPoller.PollState.PROCESSING;
        } catch (Exception e) { // cannot happen: onEvent catches; the poller's signature declares it
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        try {
            handler.onEvent(slot, sequence, endOfBatch);
        } catch (Exception e) {
            // Counted and logged, not retried: a failing journal must not stop the ring (as journal-out in line).
            long n = ++failures;
            if (n <= 10 || Long.bitCount(n) == 1) {
                LOG.log(System.Logger.Level.ERROR, handler.getClass().getSimpleName() + " failed on sequence "
                    + sequence + " (" + n + " failures so far)", e);
            }
        }
        return true;
    }

    /** Events the handler threw on (each skipped). */
    public long failures() {
        return failures;
    }

    /** Consumes what was published before this call, then ends the thread; waits for it up to {@code timeoutMs}. */
    public boolean stop(long timeoutMs) throws InterruptedException {
        running = false;
        LockSupport.unpark(thread);
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        thread.join(timeoutMs);
        return !thread.isAlive();
    }

    @Override
    public void close() {
        try {
            if (!stop(10_000)) {
                LOG.log(System.Logger.Level.WARNING, thread.getName() + " did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
