package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Stands in for engine/ when producing journals for tests: stamps inbound events with the ring
 * sequence and receive time, journals them to "in", runs the pipeline, and journals each intent to
 * "out" with the outbound ring's sequence. Each {@link #startSession} is a new engine run.
 */
final class SimulatedEngine implements EventPublisher, AutoCloseable {
    private final JournalWriter in;
    private final JournalWriter out;
    private final ReplayDriver.ReplayPipelineFactory factory;
    private final UnsafeBuffer event = TestEvents.buffer();
    private final UnsafeBuffer intent = TestEvents.buffer();
    private final EventSlot slot = new EventSlot();
    private ReplayDriver.ReplayPipeline pipeline;
    private long inboundSequence;
    private long outboundSequence;
    private long clock;

    SimulatedEngine(Path dir, ReplayDriver.ReplayPipelineFactory factory) {
        this.in = JournalWriter.open(dir, JournalFormat.IN);
        this.out = JournalWriter.open(dir, JournalFormat.OUT);
        this.factory = factory;
        this.clock = TestEvents.T0;
    }

    /** Starts a new run: rings restart at sequence 0, stages start clean, the SessionStart is published. */
    void startSession(long runId) {
        inboundSequence = 0;
        outboundSequence = 0;
        pipeline = factory.create(this);
        TestEvents.sessionStart(event, runId);
        publishInbound();
    }

    void config(String key, String value) {
        TestEvents.config(event, key, value);
        publishInbound();
    }

    void delta(long price, long qty, long exchangeSeq) {
        TestEvents.delta(event, TestEvents.MARKET, price, qty, exchangeSeq);
        publishInbound();
    }

    void trade(long i) {
        TestEvents.trade(event, TestEvents.MARKET, i);
        publishInbound();
    }

    void timer(int id) {
        TestEvents.timer(event, id, clock);
        publishInbound();
    }

    /** The "buffer" most tests use: a few deltas with trades and timers between them. */
    void marketData(int deltas, long firstExchangeSeq) {
        for (int i = 0; i < deltas; i++) {
            delta(5000 + (i % 40) * 100, (i % 2 == 0 ? 1 : -1) * 500L, firstExchangeSeq + i);
            if (i % 3 == 0) {
                trade(i);
            }
            if (i % 5 == 0) {
                timer(1);
            }
        }
    }

    long inboundPublished() {
        return inboundSequence;
    }

    long intentsPublished() {
        return outboundSequence;
    }

    private void publishInbound() {
        clock += 1_000;
        EventHeader.sequence(event, 0, inboundSequence++);
        EventHeader.timestampNanos(event, 0, clock);
        int length = EventHeader.length(event, 0);
        in.append(event, 0, length);
        slot.copyFrom(event, 0, length);
        pipeline.onEvent(slot);
    }

    @Override
    public UnsafeBuffer claim() {
        return intent;
    }

    @Override
    public long publish() {
        long seq = outboundSequence++;
        EventHeader.sequence(intent, 0, seq);
        out.append(intent, 0, EventHeader.length(intent, 0));
        return seq;
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }
}
