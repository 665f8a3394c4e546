package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.stage.EventSlot;

/**
 * The outbound consumers of the {@code single} mapping, run by the business thread itself: after each
 * inbound event it polls the outbound ring and passes every new slot to journal-out, then the sender,
 * exactly the order the threaded mapping keeps (no intent leaves before it is journaled).
 * A consumer that throws is counted and logged, and the consumers after it do not see that slot: an intent whose
 * journal-out failed never reaches the sender (no order leaves before it is journaled). The slot is not retried,
 * so one bad intent cannot wedge the ring.
 */
public final class InlineOutbound implements EventPoller.Handler<EventSlot> {
    private static final System.Logger LOG = System.getLogger(InlineOutbound.class.getName());

    private final EventPoller<EventSlot> poller;
    private EventHandler<EventSlot>[] consumers;
    private volatile long failures; // written by the business thread only

    public InlineOutbound(RingBuffer<EventSlot> ring) {
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    @SafeVarargs
    public final void consumers(EventHandler<EventSlot>... inOrder) {
        this.consumers = inOrder.clone();
    }

    /** Hands every published outbound slot to the consumers; returns when the ring is empty. */
    public void drain() {
        try {
            while (poller.poll(this) == EventPoller.PollState.PROCESSING) {
                // PROCESSING: a batch was handled; poll again for what was published meanwhile
            }
        } catch (Exception e) { // cannot happen: onEvent catches; the poller's signature declares it
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        for (EventHandler<EventSlot> c : consumers) {
            try {
                c.onEvent(slot, sequence, endOfBatch);
            } catch (Exception e) {
                long n = ++failures;
                if (n <= 10 || Long.bitCount(n) == 1) {
                    LOG.log(System.Logger.Level.ERROR, "outbound consumer " + c.getClass().getSimpleName()
                        + " failed on sequence " + sequence + "; the consumers after it skip this slot ("
                        + n + " failures so far)", e);
                }
                break;
            }
        }
        return true;
    }

    /** Slots a consumer threw on (read by metrics from another thread: a stale value is fine). */
    public long failures() {
        return failures;
    }

    /** The business handler of the {@code single} mapping: the fused stages, then the outbound ring in line. */
    public static final class Handler implements EventHandler<EventSlot> {
        private final EventHandler<EventSlot> stages;
        private final InlineOutbound outbound;

        public Handler(EventHandler<EventSlot> stages, InlineOutbound outbound) {
            this.stages = stages;
            this.outbound = outbound;
        }

        @Override
        public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) throws Exception {
            stages.onEvent(slot, sequence, endOfBatch);
            outbound.drain();
        }

        @Override
        public void onStart() {
            stages.onStart();
        }

        @Override
        public void onShutdown() {
            stages.onShutdown();
        }
    }
}
