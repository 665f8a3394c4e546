package io.kengine.engine;

import io.kengine.gateway.paper.PaperExchange;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.sim.scripted.ScriptedMarketFeed;
import org.agrona.concurrent.EpochNanoClock;

import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

/**
 * The engine's main job: rings and stages, a paper exchange as the sender, a market source
 * (the embedded simulator through the WebSocket feed, or the scripted feed), every event journaled.
 * Start, let it run, close: close stops the market source, drains both
 * rings and the paper replies, and closes the journal, so a replay sees exactly what happened.
 */
public final class TradingEngine implements AutoCloseable {
    private final EngineRuntime runtime;
    private final PaperExchange paper;
    private final MarketSource source;
    private final BusinessStages stages;

    private TradingEngine(EngineRuntime runtime, BusinessStages stages, PaperExchange paper, MarketSource source) {
        this.runtime = runtime;
        this.stages = stages;
        this.paper = paper;
        this.source = source;
    }

    /** The engine on the deterministic scripted feed (no sockets): tests, benchmarks, {@code feed.source: scripted}. */
    public static TradingEngine start(EngineOptions options, ScriptedFeedSettings feedSettings,
                                      Iterable<Map.Entry<String, String>> parameters, EpochNanoClock clock) {
        return start(options, runtime -> new ScriptedFeedRunner(
            new ScriptedMarketFeed(feedSettings.seed(), feedSettings.markets(), 4_102_444_800_000L),
            runtime.newInboundPublisher(), feedSettings.eventsPerSecond(), feedSettings.maxEvents(),
            feedSettings.timerIntervalMs()), parameters, clock);
    }

    /** The engine on any market source; the source starts after the session and its parameters are on the ring. */
    public static TradingEngine start(EngineOptions options, Function<EngineRuntime, MarketSource> sourceFactory,
                                      Iterable<Map.Entry<String, String>> parameters, EpochNanoClock clock) {
        PaperExchange[] paper = new PaperExchange[1];
        BusinessStages[] stages = new BusinessStages[1];
        ResyncSignal resync = new ResyncSignal();
        EngineRuntime runtime = new EngineRuntime(options, clock,
            intents -> (stages[0] = new BusinessStages(intents, resync)).inOrder(),
            inbound -> paper[0] = new PaperExchange(inbound), () -> paper[0].isIdle());
        paper[0].start();
        runtime.start();
        EventPublisher control = runtime.newInboundPublisher();
        SessionAnnouncer.announce(control, options.runId(), options.mode(), parameters);
        MarketSource source = sourceFactory.apply(runtime);
        try {
            source.start();
            source.watchResyncRequests(resync);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return new TradingEngine(runtime, stages[0], paper[0], source);
    }

    /** Waits until the market source ends by itself (the scripted feed's event limit). */
    public boolean awaitFeed(long timeout, TimeUnit unit) throws InterruptedException {
        return source.awaitFinished(timeout, unit);
    }

    public EngineRuntime runtime() {
        return runtime;
    }

    public BusinessStages stages() {
        return stages;
    }

    public PaperExchange paper() {
        return paper;
    }

    public MarketSource source() {
        return source;
    }

    @Override
    public void close() {
        source.stop();
        runtime.close();
    }
}
