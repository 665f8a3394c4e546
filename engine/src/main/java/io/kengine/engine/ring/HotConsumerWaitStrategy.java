package io.kengine.engine.ring;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * One hot consumer spins; every other consumer of the ring backs off to blocking. A Disruptor ring has one
 * wait strategy for all its consumers, but on a small host only the business thread is worth a core: at the
 * rates Kalshi actually sends (tens to a few thousand messages a second) a blocked business thread costs a
 * futex wake-up per frame, tens of microseconds on a VM, while the journal can wait. The hot thread spins
 * in {@link SpinYieldWaitStrategy} slices (one yield per slice, so a producer sharing its core still runs);
 * the others use {@link LeanBackoffWaitStrategy}, whose signal a publish pays only while one of them sleeps.
 * So at most one thread burns a core, whatever the consumer count.
 *
 * <p>The hot thread is whichever thread runs the handler wrapped by {@link #markHot}, registered in its
 * {@code onStart}; until then every consumer backs off.
 */
public final class HotConsumerWaitStrategy implements WaitStrategy {
    private final SpinYieldWaitStrategy hot;
    private final LeanBackoffWaitStrategy others;
    private volatile Thread hotThread;

    public HotConsumerWaitStrategy(SpinYieldWaitStrategy hot, LeanBackoffWaitStrategy others) {
        this.hot = hot;
        this.others = others;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException, InterruptedException {
        if (Thread.currentThread() == hotThread) {
            return hot.waitFor(sequence, cursor, dependentSequence, barrier);
        }
        return others.waitFor(sequence, cursor, dependentSequence, barrier);
    }

    @Override
    public void signalAllWhenBlocking() {
        others.signalAllWhenBlocking();
    }

    /** The thread that spins, or null before it started. */
    public Thread hotThread() {
        return hotThread;
    }

    /** {@code handler}, whose thread becomes the hot one when it starts. */
    public <T> EventHandler<T> markHot(EventHandler<T> handler) {
        return new EventHandler<>() {
            @Override
            public void onEvent(T event, long sequence, boolean endOfBatch) throws Exception {
                handler.onEvent(event, sequence, endOfBatch);
            }

            @Override
            public void onBatchStart(long batchSize, long queueDepth) {
                handler.onBatchStart(batchSize, queueDepth);
            }

            @Override
            public void onStart() {
                hotThread = Thread.currentThread();
                handler.onStart();
            }

            @Override
            public void onShutdown() {
                handler.onShutdown();
                hotThread = null;
            }

            @Override
            public void onTimeout(long sequence) throws Exception {
                handler.onTimeout(sequence);
            }

            @Override
            public void setSequenceCallback(Sequence sequenceCallback) {
                handler.setSequenceCallback(sequenceCallback);
            }
        };
    }
}
