package io.kengine.engine.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * Disruptor's yielding wait (a hundred tries, then {@code Thread.yield()} on every try), plus
 * {@link IdleTimeouts}: the owner thread's wait times out after the idle interval, so its handler can
 * use the time, then it yields on. The clock is read only in the yielding phase, once per yield.
 */
public final class TimedYieldingWaitStrategy implements WaitStrategy, IdleTimeouts {
    private static final int SPIN_TRIES = 100;

    private final IdleOwner idle = new IdleOwner();

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException, TimeoutException {
        long available;
        int counter = SPIN_TRIES;
        long timeout = idle.timeoutForCurrent();
        long deadline = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (counter > 0) {
                --counter;
                continue;
            }
            if (timeout > 0) {
                long now = System.nanoTime();
                if (deadline == 0) {
                    deadline = now + timeout;
                } else if (now - deadline >= 0) {
                    throw TimeoutException.INSTANCE;
                }
            }
            Thread.yield();
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
}
