package io.kengine.engine.rehearsal;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.kengine.engine.BusinessStages;
import io.kengine.engine.SessionAnnouncer;
import io.kengine.engine.ring.OutboundRingPublisher;
import io.kengine.engine.ring.RingCounters;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import io.kengine.protocol.stage.Stage;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the business thread's code and shared tables warm while the market is quiet. At the rates
 * Kalshi sends (tens to hundreds of frames a second) each frame found the stages cold: book, pricing,
 * risk and orders took 5–12 µs each instead of 0.25–0.5 (bench/RESULTS.md, session 7), because the
 * instructions, branch history and tables they use had left this core's caches between frames.
 *
 * <p>A rehearsal is a second, private chain of the very same stage classes, announced with the
 * session's own parameters (order-rate limits opened, so it keeps quoting), trading one synthetic
 * market ({@link RehearsalMarket}) on a synthetic clock. Each {@link #step} acknowledges the intents of
 * the step before (as an exchange that accepts at once would) and sends one book delta through
 * book → pricing → risk → orders, which answers with an amend, as a live quote would.
 *
 * <p>It shares nothing with the live chain: its own stage instances, its own slot, no resync requests,
 * no gateway signals; its intents go to a private ring of its own, never to the outbound ring, the journal or the
 * sender. So it cannot change a live decision, and replay (which never runs it) stays identical. It
 * runs only on the business thread, between events; a real event that arrives during a step waits for
 * the step (about 1–2 µs when warm). If the private chain ever throws, rehearsal stops for good: the
 * chain's state can no longer be trusted to take the same paths as the live one.
 */
public final class IdleRehearsal {
    private static final System.Logger LOG = System.getLogger(IdleRehearsal.class.getName());
    /** Synthetic time between two rehearsed events: a busy market's pace, so no throttle or lifetime sees a burst. */
    static final long STEP_NANOS = 10_000_000L;
    private static final int MAX_PENDING_REPLIES = 16;
    private static final int PRIVATE_RING = 64;
    /**
     * Order-rate limits opened so the private chain keeps quoting. A step is two events, 20 ms of synthetic
     * time, so it sends at most 3 000 orders a synthetic minute. The per-minute cap stays modest on purpose:
     * risk's window keeps one timestamp per allowed order (100 000 → 800 KB; the parameter's maximum would
     * be 480 MB).
     */
    private static final Map<String, String> OPENED_LIMITS = Map.of(
        "risk.tokens.createCost", "0",
        "risk.tokens.cancelCost", "0",
        "risk.maxOrdersPerMinute", "100000");

    private final Stage[] chain;
    private final EventSlot slot = new EventSlot();
    private final ChainPublisher events = new ChainPublisher();
    private final IntentCatcher intents = new IntentCatcher();
    private final RehearsalMarket market = new RehearsalMarket();
    private final InstantReplies replies = new InstantReplies();
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final UnsafeBuffer[] pending = new UnsafeBuffer[MAX_PENDING_REPLIES];
    private int pendingHead;
    private int pendingTail;
    private long clockNanos;
    private boolean stopped;

    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong intentsCaught = new AtomicLong();
    private final AtomicLong repliesDropped = new AtomicLong();
    private volatile String failure;

    /**
     * Builds the private chain and runs the session announcement and the market's definition and snapshot
     * through it, on the calling thread; afterwards only the business thread may call {@link #step}.
     *
     * @param parameters the session's strategy parameters, as journaled (the rehearsal takes the same paths)
     * @param startNanos the synthetic clock's start (epoch ns; the engine clock's now is a good choice)
     */
    public IdleRehearsal(long runId, String mode, Iterable<Map.Entry<String, String>> parameters, long startNanos) {
        this.chain = new BusinessStages(intents).inOrder();
        for (int i = 0; i < pending.length; i++) {
            pending[i] = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
        }
        this.clockNanos = startNanos;
        SessionAnnouncer.announce(events, runId, mode, withOpenedLimits(parameters));
        market.publishDefinitionAndSnapshot(events);
    }

    static List<Map.Entry<String, String>> withOpenedLimits(Iterable<Map.Entry<String, String>> parameters) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> p : parameters) {
            String opened = OPENED_LIMITS.get(p.getKey());
            out.add(opened == null ? p : new AbstractMap.SimpleImmutableEntry<>(p.getKey(), opened));
        }
        return out;
    }

    /** One rehearsal: the replies owed for the last step's intents, then one book delta. Business thread only. */
    public void step() {
        if (stopped) {
            return;
        }
        try {
            int owed = pendingTail - pendingHead; // replies to replies wait for the next step
            for (int i = 0; i < owed; i++) {
                UnsafeBuffer reply = pending[pendingHead++ & (MAX_PENDING_REPLIES - 1)];
                events.claim().putBytes(0, reply, 0, EventHeader.length(reply, 0));
                events.publish();
            }
            market.nextDelta(events, clockNanos / 1_000_000L);
            steps.lazySet(steps.get() + 1);
        } catch (RuntimeException e) {
            stopped = true;
            failure = e.toString();
            LOG.log(System.Logger.Level.WARNING, "idle rehearsal stopped: its private chain threw; live trading is not affected", e);
        }
    }

    /** Rehearsal steps run so far (any thread). */
    public long steps() {
        return steps.get();
    }

    /** Intents the private chain produced (and that went nowhere); about one per step while it quotes. */
    public long intents() {
        return intentsCaught.get();
    }

    /** Why rehearsal stopped, or null while it runs. */
    public String failure() {
        return failure;
    }

    long repliesDropped() {
        return repliesDropped.get();
    }

    /** Stamps like the inbound ring (sequence, receive time from the synthetic clock) and runs the chain at once. */
    private final class ChainPublisher implements EventPublisher {
        private long sequence;

        @Override
        public MutableDirectBuffer claim() {
            return slot.event();
        }

        @Override
        public long publish() {
            long seq = ++sequence;
            clockNanos += STEP_NANOS;
            EventHeader.sequence(slot.event(), 0, seq);
            EventHeader.timestampNanos(slot.event(), 0, clockNanos);
            for (Stage stage : chain) {
                stage.onEvent(slot, true);
            }
            return seq;
        }
    }

    /**
     * Takes the place of the outbound ring: keeps the replies an instant exchange would send. It publishes
     * through the live path's own publisher class, on a private ring it consumes at once, because the live
     * chain publishes only a few intents a second: that code alone stayed interpreted or cold, and made the
     * orders stage take ≈ 20 µs per intent in a default run while the rest of the chain was warm.
     */
    private final class IntentCatcher implements EventPublisher {
        private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(new SlotArena(PRIVATE_RING)::next, PRIVATE_RING);
        private final Sequence consumed = new Sequence();
        private final OutboundRingPublisher publisher = new OutboundRingPublisher(ring, new RingCounters());

        IntentCatcher() {
            ring.addGatingSequences(consumed);
        }

        @Override
        public MutableDirectBuffer claim() {
            return publisher.claim();
        }

        @Override
        public long publish() {
            long seq = publisher.publish();
            UnsafeBuffer out = ring.get(seq).event();
            catchIntent(out);
            consumed.set(seq);
            return seq;
        }

        private void catchIntent(UnsafeBuffer out) {
            if (EventHeader.type(out, 0) == EventType.ORDER_INTENT) {
                intentsCaught.lazySet(intentsCaught.get() + 1);
                intent.wrap(out, 0);
                for (int leg = 0; leg < intent.legCount(); leg++) {
                    if (pendingTail - pendingHead == MAX_PENDING_REPLIES) {
                        repliesDropped.lazySet(repliesDropped.get() + 1);
                        continue;
                    }
                    replies.encode(intent, out, leg, pending[pendingTail++ & (MAX_PENDING_REPLIES - 1)]);
                }
            }
        }
    }
}
