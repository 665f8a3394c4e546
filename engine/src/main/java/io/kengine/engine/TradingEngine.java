package io.kengine.engine;

import io.kengine.gateway.paper.PaperExchange;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.sim.scripted.ScriptedMarketFeed;
import org.agrona.concurrent.EpochNanoClock;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine's main job: rings and stages, a paper exchange as the sender, the scripted feed as
 * the market, every event journaled. Start, let it run, close: close stops the feed, drains both
 * rings and the paper replies, and closes the journal, so a replay sees exactly what happened.
 */
public final class TradingEngine implements AutoCloseable {
    private final EngineRuntime runtime;
    private final PaperExchange paper;
    private final ScriptedFeedRunner feed;
    private final BusinessStages stages;

    private TradingEngine(EngineRuntime runtime, BusinessStages stages, PaperExchange paper, ScriptedFeedRunner feed) {
        this.runtime = runtime;
        this.stages = stages;
        this.paper = paper;
        this.feed = feed;
    }

    public static TradingEngine start(EngineOptions options, ScriptedFeedSettings feedSettings,
                                      Iterable<Map.Entry<String, String>> parameters, EpochNanoClock clock) {
        PaperExchange[] paper = new PaperExchange[1];
        BusinessStages[] stages = new BusinessStages[1];
        EngineRuntime runtime = new EngineRuntime(options, clock,
            intents -> (stages[0] = new BusinessStages(intents)).inOrder(),
            inbound -> paper[0] = new PaperExchange(inbound), () -> paper[0].isIdle());
        paper[0].start();
        runtime.start();
        EventPublisher control = runtime.newInboundPublisher();
        SessionAnnouncer.announce(control, options.runId(), options.mode(), parameters);
        ScriptedMarketFeed market = new ScriptedMarketFeed(feedSettings.seed(), feedSettings.markets(), 4_102_444_800_000L);
        ScriptedFeedRunner feed = new ScriptedFeedRunner(market, runtime.newInboundPublisher(),
            feedSettings.eventsPerSecond(), feedSettings.maxEvents(), feedSettings.timerIntervalMs());
        feed.start();
        return new TradingEngine(runtime, stages[0], paper[0], feed);
    }

    /** Waits until the feed has published its event limit (if it has one). */
    public boolean awaitFeed(long timeout, TimeUnit unit) throws InterruptedException {
        return feed.await(timeout, unit);
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

    public ScriptedFeedRunner feed() {
        return feed;
    }

    @Override
    public void close() {
        feed.stop();
        try {
            feed.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        runtime.close();
    }
}
