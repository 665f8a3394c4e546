package io.kengine.bench;

import io.kengine.engine.BusinessStages;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.EngineRuntime;
import io.kengine.engine.ring.StageMapping;
import io.kengine.gateway.IntentSender;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.Stage;
import org.agrona.concurrent.SystemEpochNanoClock;

/**
 * The engine's own rings ({@link EngineRuntime}, journal off) with either four empty stages or the
 * real business chain. The sender drops intents: nothing replies, so the orders stage leaves its
 * first orders in flight and sends little after them (the replay benchmark covers the full loop).
 */
final class EngineRing implements RingUnderTest {
    private static final IntentSender DROP = (intent, offset, length, endOfBatch) -> { };

    private final EngineRuntime runtime;
    private final EventPublisher producer;
    private CompletionMark mark;

    EngineRing(StageMapping mapping, String wait, boolean realStages, int inboundSize, int outboundSize) {
        EngineOptions options = new EngineOptions(mapping, wait, inboundSize, outboundSize, null,
            ScriptedEvents.RUN_ID, "bench");
        this.runtime = new EngineRuntime(options, new SystemEpochNanoClock(),
            intents -> markLast(realStages ? new BusinessStages(intents).inOrder() : emptyChain()),
            inbound -> DROP, () -> true);
        runtime.start();
        this.producer = runtime.newInboundPublisher();
    }

    private Stage[] markLast(Stage[] chain) {
        mark = new CompletionMark(chain[chain.length - 1]);
        chain[chain.length - 1] = mark;
        return chain;
    }

    private static Stage[] emptyChain() {
        return new Stage[]{new EmptyStage(), new EmptyStage(), new EmptyStage(), new EmptyStage()};
    }

    @Override
    public void publish(RecordedEvents events, int n) {
        for (int i = 0; i < n; i++) {
            events.copyNext(producer.claim());
            producer.publish();
        }
    }

    @Override
    public long consumed() {
        return mark.finished();
    }

    @Override
    public long stageErrors() {
        return runtime.stageErrors().count();
    }

    /** Intents the orders stage published (test hook: the real chain must trade, not idle). */
    long intentsPublished() {
        return runtime.counters().intentsPublished.get();
    }

    @Override
    public String describe() {
        return "EngineRuntime, journal off, wait=" + runtime.waitDescription();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
