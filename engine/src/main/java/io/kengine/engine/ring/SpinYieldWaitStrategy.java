package io.kengine.engine.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * Spins in slices of {@code sliceNanos} with one {@code Thread.yield()} between slices. Disruptor's
 * yielding strategy yields on every try after the first hundred, so a consumer idle between events
 * spends nearly all its time inside {@code sched_yield}: an event published meanwhile waits for the
 * system call to return (a few hundred ns on a VM) and meets caches and branch history the kernel just
 * walked through. Slices keep that to one yield per slice, while anything else runnable on the core
 * still gets it at least once a slice. Same CPU use as yielding (one core, always); never blocks, so a
 * publish costs nothing beyond the cursor store.
 */
public final class SpinYieldWaitStrategy implements WaitStrategy {
    private static final int SPINS_PER_CLOCK_READ = 64;

    private final long sliceNanos;
    private volatile long yields; // written by the one waiting consumer (once per slice); read by tests

    public SpinYieldWaitStrategy(long sliceNanos) {
        if (sliceNanos <= 0) {
            throw new IllegalArgumentException("slice must be positive: " + sliceNanos);
        }
        this.sliceNanos = sliceNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException {
        long available;
        int spins = 0;
        long sliceStart = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (++spins == SPINS_PER_CLOCK_READ) {
                spins = 0;
                long now = System.nanoTime();
                if (sliceStart == 0) {
                    sliceStart = now;
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

    /** Yields so far (meaningful with one consumer on this strategy). */
    long yields() {
        return yields;
    }

    public long sliceNanos() {
        return sliceNanos;
    }
}
