package io.kengine.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.kengine.engine.ops.LatencyPath;
import io.kengine.engine.ops.LatencyRecorder;
import io.kengine.engine.ops.LatencyRecorders;
import io.kengine.engine.ring.InboundRingPublisher;
import io.kengine.engine.ring.InlineOutbound;
import io.kengine.engine.ring.JournalHandler;
import io.kengine.engine.ring.OutboundRingPublisher;
import io.kengine.engine.ring.ParkingConsumer;
import io.kengine.engine.ring.RingCounters;
import io.kengine.engine.ring.RingFaults;
import io.kengine.engine.ring.SenderHandler;
import io.kengine.engine.ring.StageErrors;
import io.kengine.engine.ring.StageMapping;
import io.kengine.engine.ring.IdleTimeouts;
import io.kengine.engine.ring.RehearsingHandler;
import io.kengine.engine.ring.SlotWarmer;
import io.kengine.engine.ring.StagesHandler;
import io.kengine.engine.ring.WaitStrategies;
import io.kengine.gateway.IntentSender;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import io.kengine.protocol.stage.Stage;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The wiring of DESIGN.md: a multi-producer inbound ring → [journal-in] ∥ [book → pricing → risk → orders];
 * journal-in runs on a {@link ParkingConsumer} of its own (it parks when idle, never spins);
 * orders publish intents to a single-producer outbound ring → [journal-out] → [sender]. With the
 * {@code single} mapping the business thread drains the outbound ring itself after each event.
 * Only this package knows the Disruptor.
 */
public final class EngineRuntime implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EngineRuntime.class.getName());
    /** How far journal-in may lag an idle ring: it catches up in one batch, and nothing waits on it. */
    private static final long JOURNAL_IN_MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final EngineOptions options;
    private final EpochNanoClock clock;
    private final RingCounters counters = new RingCounters();
    private final StageErrors stageErrors = new StageErrors();
    private final LatencyRecorders latencies = new LatencyRecorders();
    private final Disruptor<EventSlot> inbound;
    private final Disruptor<EventSlot> outbound;
    private final Stage[] chain;
    private final IntentSender sender;
    private final BooleanSupplier senderIdle;
    private final JournalWriter journalIn;
    private final JournalWriter journalOut;
    private final String waitDescription;
    private final RingFaults inboundFaults = new RingFaults("inbound");
    private final RingFaults outboundFaults = new RingFaults("outbound");
    private SenderHandler send; // set by wire()
    private JournalHandler journalOutHandler; // null when not journaling
    private final InlineOutbound inlineOutbound; // single mapping: journal-out and sender on the business thread
    private final List<EventHandler<EventSlot>> businessHandlers = new ArrayList<>();
    private final com.lmax.disruptor.WaitStrategy inboundWait;
    private ParkingConsumer journalInConsumer; // null when not journaling
    private RehearsingHandler rehearsing; // null when the mapping or the wait strategy leaves no idle time to use
    private boolean started;
    private boolean closed;

    /**
     * @param stageFactory  builds the business chain, in ring order, around the outbound intent publisher
     * @param senderFactory builds the sender from an inbound publisher of its own (for replies)
     * @param senderIdle    true when the sender has no reply still to publish (used to drain at stop)
     */
    public EngineRuntime(EngineOptions options, EpochNanoClock clock, Function<EventPublisher, Stage[]> stageFactory,
                         Function<EventPublisher, IntentSender> senderFactory, BooleanSupplier senderIdle) {
        this.options = options;
        this.clock = clock;
        int cores = Runtime.getRuntime().availableProcessors();
        boolean journaling = options.journalDir() != null;
        // journal-in is not counted: it parks (ParkingConsumer), it never spins
        int consumerThreads = options.mapping().businessThreads() + options.mapping().outboundThreads(journaling);
        this.waitDescription = WaitStrategies.describe(options.waitStrategy(), consumerThreads, cores);
        this.inboundWait = WaitStrategies.create(WaitStrategies.inboundPart(options.waitStrategy()), consumerThreads, cores);
        this.inbound = new Disruptor<>(new SlotArena(options.inboundSize())::next, options.inboundSize(), threads("in"), ProducerType.MULTI,
            inboundWait);
        this.outbound = new Disruptor<>(new SlotArena(options.outboundSize())::next, options.outboundSize(), threads("out"), ProducerType.SINGLE,
            WaitStrategies.create(WaitStrategies.outboundPart(options.waitStrategy()), consumerThreads, cores));
        // a consumer's uncaught exception is counted and skipped, never the end of its thread
        inbound.setDefaultExceptionHandler(inboundFaults);
        outbound.setDefaultExceptionHandler(outboundFaults);
        this.journalIn = journaling ? JournalWriter.open(options.journalDir(), JournalFormat.IN) : null;
        this.journalOut = journaling ? JournalWriter.open(options.journalDir(), JournalFormat.OUT) : null;
        this.inlineOutbound = options.mapping() == StageMapping.SINGLE ? new InlineOutbound(outbound.getRingBuffer()) : null;
        this.chain = stageFactory.apply(new OutboundRingPublisher(outbound.getRingBuffer(), counters,
            inlineOutbound == null ? null : inlineOutbound::drain)).clone();
        this.sender = senderFactory.apply(newInboundPublisher());
        this.senderIdle = senderIdle;
        wire();
    }

    private void wire() {
        if (journalIn != null) {
            journalInConsumer = new ParkingConsumer(inbound.getRingBuffer(),
                new JournalHandler(journalIn, counters.journaledIn, latencies.get(LatencyPath.JOURNAL), true),
                JOURNAL_IN_MAX_PARK_NANOS, threads("journal-in"));
        }
        // book, pricing, risk timed (sampled); the last stage (orders) is where tick-to-intent ends
        LatencyRecorder[] perStage = new LatencyRecorder[chain.length];
        LatencyPath[] paths = {LatencyPath.BOOK, LatencyPath.PRICING, LatencyPath.RISK};
        for (int i = 0; i < Math.min(paths.length, chain.length - 1); i++) {
            perStage[i] = latencies.get(paths[i]);
        }
        LatencyRecorder tickToIntent = latencies.get(LatencyPath.TICK_TO_INTENT);
        send = new SenderHandler(sender, counters.intentsSent, latencies.get(LatencyPath.INTENT_TO_WIRE));
        journalOutHandler = journalOut == null ? null : new JournalHandler(journalOut, counters.journaledOut);
        if (options.mapping() == StageMapping.SINGLE) {
            if (journalOutHandler != null) {
                inlineOutbound.consumers(journalOutHandler, send);
            } else {
                inlineOutbound.consumers(send);
            }
            businessHandlers.add(rehearsable(new SlotWarmer(new InlineOutbound.Handler(
                new StagesHandler(stageErrors, perStage, tickToIntent, counters.intentsPublished, clock, chain), inlineOutbound),
                inbound.getRingBuffer(), outbound.getRingBuffer())));
        } else if (options.mapping() == StageMapping.FUSED) {
            businessHandlers.add(rehearsable(new SlotWarmer(
                new StagesHandler(stageErrors, perStage, tickToIntent, counters.intentsPublished, clock, chain),
                inbound.getRingBuffer(), outbound.getRingBuffer())));
        } else {
            for (int i = 0; i < chain.length; i++) {
                boolean last = i == chain.length - 1;
                businessHandlers.add(new StagesHandler(stageErrors, new LatencyRecorder[] {perStage[i]},
                    last ? tickToIntent : null, counters.intentsPublished, clock, chain[i]));
            }
        }
        EventHandlerGroup<EventSlot> group = null;
        for (EventHandler<EventSlot> h : businessHandlers) {
            group = group == null ? inbound.handleEventsWith(h) : group.then(h);
        }
        if (inlineOutbound != null) {
            return; // no outbound consumer threads
        }
        if (journalOutHandler != null) {
            outbound.handleEventsWith(journalOutHandler).then(send);
        } else {
            outbound.handleEventsWith(send);
        }
    }

    /** The business handler, wrapped so its idle time can run a rehearsal when the options and the wait strategy allow. */
    private EventHandler<EventSlot> rehearsable(EventHandler<EventSlot> business) {
        if (options.idleRehearsalNanos() == 0 || !(inboundWait instanceof IdleTimeouts waits)) {
            return business;
        }
        rehearsing = new RehearsingHandler(business, waits, options.idleRehearsalNanos());
        return rehearsing;
    }

    /**
     * Gives the business thread its idle work (an {@link io.kengine.engine.rehearsal.IdleRehearsal}'s step).
     * Before {@link #start}. Returns false when this runtime has no idle time to give: rehearsal off in the
     * options, the {@code per-stage} mapping, or a wait strategy that cannot time out.
     */
    public boolean rehearseWhenIdle(Runnable step) {
        if (started) {
            throw new IllegalStateException("idle work must be set before the rings start");
        }
        if (rehearsing == null) {
            return false;
        }
        rehearsing.idleWork(step);
        return true;
    }

    public void start() {
        outbound.start();
        if (journalInConsumer != null) {
            journalInConsumer.start();
        }
        inbound.start();
        started = true;
    }

    /** A publisher for one producer thread. */
    public EventPublisher newInboundPublisher() {
        return new InboundRingPublisher(inbound.getRingBuffer(), clock, counters);
    }

    /**
     * Waits until every published event went through every consumer of both rings and the sender has no
     * reply left to publish (replies create inbound events, which may create intents: repeat until quiet).
     * Producers must have stopped. Returns false if the deadline passed first.
     */
    public boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int quietRounds = 0;
        while (System.nanoTime() < deadline) {
            if (ringIdle(inbound.getRingBuffer()) && ringIdle(outbound.getRingBuffer()) && senderIdle.getAsBoolean()) {
                if (++quietRounds >= 3) {
                    return true;
                }
            } else {
                quietRounds = 0;
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
        return false;
    }

    private static boolean ringIdle(RingBuffer<EventSlot> ring) {
        return ring.remainingCapacity() == ring.getBufferSize();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            if (!drain(10_000)) {
                LOG.log(System.Logger.Level.WARNING, "rings did not drain within 10 s; stopping anyway");
            }
            try {
                inbound.shutdown(5, TimeUnit.SECONDS);
                outbound.shutdown(5, TimeUnit.SECONDS);
            } catch (com.lmax.disruptor.TimeoutException e) {
                inbound.halt();
                outbound.halt();
            }
        }
        if (journalInConsumer != null) {
            journalInConsumer.close(); // after the rings: what was published is journaled before the writer closes
        }
        sender.close();
        if (journalIn != null) {
            journalIn.close();
        }
        if (journalOut != null) {
            journalOut.close();
        }
    }

    public RingCounters counters() {
        return counters;
    }

    /** The journal-out writer, or null: tests close it under a running engine to see a journal fail. */
    JournalWriter journalOutWriter() {
        return journalOut;
    }

    /** Outbound slots a consumer threw on (the sender, in practice), in line or on its own thread; each skipped. */
    public long outboundConsumerFailures() {
        return outboundFaults.count() + (inlineOutbound == null ? 0 : inlineOutbound.failures());
    }

    /** Inbound slots a business handler threw on outside the stages (stage errors are {@link #stageErrors}). */
    public long inboundConsumerFailures() {
        return inboundFaults.count();
    }

    /** Outbound events journal-out failed to write (each marked for the sender to decide on); 0 when not journaling. */
    public long journalOutFailures() {
        return journalOutHandler == null ? 0 : journalOutHandler.failures();
    }

    /** Intents journal-out failed on that were sent anyway (cancels and decreases only). */
    public long unjournaledIntentsSent() {
        return send.unjournaled().sent();
    }

    /** Intents journal-out failed on that were refused (the sender published a rejection). */
    public long unjournaledIntentsRefused() {
        return send.unjournaled().refused();
    }

    /** Inbound events journal-in failed to write (logged, skipped); 0 when not journaling. */
    public long journalInFailures() {
        return journalInConsumer == null ? 0 : journalInConsumer.failures();
    }

    public StageErrors stageErrors() {
        return stageErrors;
    }

    /** Latency per path, recorded by the threads that own each path; read by status and metrics. */
    public LatencyRecorders latencies() {
        return latencies;
    }


    public String waitDescription() {
        return waitDescription;
    }

    private static ThreadFactory threads(String ring) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "kengine-" + ring + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
