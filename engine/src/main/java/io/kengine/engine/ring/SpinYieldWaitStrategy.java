package io.kengine.engine.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * Spins in slices of {@code sliceNanos} with one {@code Thread.yield()} between slices. Disruptor's
 * yielding strategy yields on every try after the first hundred, so a consumer idle between events
 * spends nearly all its time inside {@code sched_yield}: an event published meanwhile waits for the
 * system call to return (a few hundred ns on a VM) and meets caches and branch history the kernel just
 * walked through. Slices keep that to one yield per slice, while anything else runnable on the core
 * still gets it at least once a slice. Same CPU use as yielding (one core, always); never blocks, so a
 * publish costs nothing beyond the cursor store.
 *
 * <p>{@link IdleTimeouts}: the owner thread's wait times out after the idle interval (checked at slice
 * granularity of clock reads), so its handler can do idle work and come back spinning.
 */
public final class SpinYieldWaitStrategy implements WaitStrategy, IdleTimeouts {
    private static final int SPINS_PER_CLOCK_READ = 64;

    private final long sliceNanos;
    private volatile long yields; // written by the one waiting consumer (once per slice); read by tests
    private final IdleOwner idle = new IdleOwner();

    public SpinYieldWaitStrategy(long sliceNanos) {
        if (sliceNanos <= 0) {
            throw new IllegalArgumentException("slice must be positive: " + sliceNanos);
        }
        this.sliceNanos = sliceNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException, TimeoutException {
        long available;
        int spins = 0;
        long sliceStart = 0;
        long waitStart = 0;
        long idleNanos = idle.timeoutForCurrent();
        long timeout = idleNanos > 0 ? idleNanos : Long.MAX_VALUE;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (++spins == SPINS_PER_CLOCK_READ) {
                spins = 0;
                long now = System.nanoTime();
                if (sliceStart == 0) {
                    sliceStart = now;
                    waitStart = now;
                } else if (now - waitStart >= timeout) {
                    throw TimeoutException.INSTANCE;
                } else if (now - sliceStart >= sliceNanos) {
                    Thread.yield();
                    yields++;
                    sliceStart = System.nanoTime();
                }
            }
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        // never blocks
    }

    @Override
    public void idleTimeout(Thread owner, long nanos) {
        idle.set(owner, nanos);
    }

    /** Yields so far (meaningful with one consumer on this strategy). */
    long yields() {
        return yields;
    }

    public long sliceNanos() {
        return sliceNanos;
    }
}
