package io.kengine.engine.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Spin, then yield, then block — like Disruptor's phased back-off with a lite lock — but a publish
 * costs a fence and a read of a flag that stays in every core's cache while no consumer sleeps.
 * The lite lock's {@code getAndSet} on each publish made the flag's cache line bounce between the
 * producer and the consumers: about a fifth of the feed thread's samples at full rate (JFR).
 *
 * <p>No lost wake-up: a consumer sets {@link #sleeping} (volatile) and then reads the cursor; a
 * producer stores the cursor, fences, then reads {@link #sleeping}. One of the two sees the other's write.
 *
 * <p>{@link IdleTimeouts}: the owner thread parks with a deadline instead and times out when it passes.
 * Back from its idle work it blocks again at once: spinning and yielding are for the first moments
 * after an event, not for every idle interval.
 */
public final class LeanBackoffWaitStrategy implements WaitStrategy, IdleTimeouts {
    private static final int SPINS_PER_CLOCK_READ = 64;

    private final long spinNanos;
    private final long yieldNanos;
    private final Object mutex = new Object();
    private volatile boolean sleeping;
    private final IdleOwner idle = new IdleOwner();
    private volatile Thread parked; // the owner while it parks with a deadline
    private boolean ownerIdle; // the owner's own: its last wait ended in a timeout

    /**
     * @param spinNanos  how long a consumer spins before it starts yielding
     * @param yieldNanos how long (from the start) it yields before it blocks until signalled
     */
    public LeanBackoffWaitStrategy(long spinNanos, long yieldNanos) {
        if (spinNanos < 0 || yieldNanos < spinNanos) {
            throw new IllegalArgumentException("need 0 <= spin <= yield: " + spinNanos + ", " + yieldNanos);
        }
        this.spinNanos = spinNanos;
        this.yieldNanos = yieldNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException {
        long available;
        long idleNanos = idle.timeoutForCurrent();
        boolean owner = idleNanos > 0;
        if (owner && ownerIdle && dependentSequence.get() < sequence) {
            parkUntil(sequence, cursor, barrier, System.nanoTime() + idleNanos);
        }
        int spins = SPINS_PER_CLOCK_READ;
        long start = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (--spins > 0) {
                Thread.onSpinWait();
                continue;
            }
            spins = SPINS_PER_CLOCK_READ;
            long now = System.nanoTime();
            if (start == 0) {
                start = now;
            } else if (now - start > yieldNanos) {
                if (owner) {
                    parkUntil(sequence, cursor, barrier, start + idleNanos);
                } else {
                    block(sequence, cursor, barrier);
                }
                start = 0;
            } else if (now - start > spinNanos) {
                Thread.yield();
            }
        }
        if (owner) {
            ownerIdle = false;
        }
        return available;
    }

    private void block(long sequence, Sequence cursor, SequenceBarrier barrier) throws AlertException, InterruptedException {
        synchronized (mutex) {
            while (true) {
                sleeping = true;
                if (cursor.get() >= sequence) {
                    return;
                }
                barrier.checkAlert(); // a halt signals too, so a sleeping consumer sees it
                mutex.wait();
            }
        }
    }

    /**
     * The owner's block: parks until signalled or until {@code deadline}, then throws the timeout. A park,
     * not the monitor: Object.wait counts in whole milliseconds, and idle intervals are shorter. No lost
     * wake-up, as with {@link #sleeping}: {@link #parked} is set before the cursor is read, and read by a
     * publisher after its fence.
     */
    private void parkUntil(long sequence, Sequence cursor, SequenceBarrier barrier, long deadline)
        throws AlertException, TimeoutException {
        Thread me = Thread.currentThread();
        try {
            while (true) {
                parked = me;
                VarHandle.fullFence(); // the flag before the cursor read, whatever kind of read Sequence.get is
                if (cursor.get() >= sequence) {
                    return;
                }
                barrier.checkAlert(); // a halt signals, which unparks
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    ownerIdle = true;
                    throw TimeoutException.INSTANCE;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            parked = null;
        }
    }

    @Override
    public void idleTimeout(Thread owner, long nanos) {
        idle.set(owner, nanos);
    }

    @Override
    public void signalAllWhenBlocking() {
        VarHandle.fullFence(); // the cursor store (a release store) must be visible before the flags are read
        Thread owner = parked;
        if (owner != null) {
            LockSupport.unpark(owner);
        }
        if (sleeping) {
            synchronized (mutex) {
                sleeping = false;
                mutex.notifyAll();
            }
        }
    }

    @Override
    public String toString() {
        return "LeanBackoffWaitStrategy{spin=" + spinNanos + "ns, yield=" + yieldNanos + "ns}";
    }
}
