package io.kengine.engine;

import io.kengine.engine.rehearsal.IdleRehearsal;
import io.kengine.gateway.paper.PaperExchange;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.sim.scripted.ScriptedMarketFeed;
import org.agrona.concurrent.EpochNanoClock;

import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

/**
 * The engine's main job: rings and stages, an order venue (the paper exchange, or an exchange over
 * Kalshi's REST API), a market source
 * (the embedded simulator through the WebSocket feed, or the scripted feed), every event journaled.
 * Start, let it run, close: close stops the market source, drains both
 * rings and the paper replies, and closes the journal, so a replay sees exactly what happened.
 */
public final class TradingEngine implements AutoCloseable {
    private final EngineRuntime runtime;
    private final OrderVenue venue;
    private final MarketSource source;
    private final BusinessStages stages;
    private final AutoCloseable afterVenue;
    private final IdleRehearsal rehearsal;
    private final java.util.List<AutoCloseable> inputs = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TradingEngine(EngineRuntime runtime, BusinessStages stages, OrderVenue venue, MarketSource source,
                          AutoCloseable afterVenue, IdleRehearsal rehearsal) {
        this.rehearsal = rehearsal;
        this.runtime = runtime;
        this.stages = stages;
        this.venue = venue;
        this.source = source;
        this.afterVenue = afterVenue;
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
        return start(options, sourceFactory, parameters, clock, new PaperVenue(), null);
    }

    /**
     * The engine trading through {@code venue}. @param afterVenue closed last, after the venue (e.g. the
     * embedded simulator both the feed and the gateway talk to); may be null
     */
    public static TradingEngine start(EngineOptions options, Function<EngineRuntime, MarketSource> sourceFactory,
                                      Iterable<Map.Entry<String, String>> parameters, EpochNanoClock clock,
                                      OrderVenue venue, AutoCloseable afterVenue) {
        BusinessStages[] stages = new BusinessStages[1];
        ResyncSignal resync = new ResyncSignal();
        EngineRuntime runtime = new EngineRuntime(options, clock,
            intents -> (stages[0] = new BusinessStages(intents, resync, venue.signals())).inOrder(),
            venue::sender, venue::isIdle);
        venue.recordWireLatency(runtime.latencies().get(io.kengine.engine.ops.LatencyPath.RECEIVE_TO_WIRE), clock);
        IdleRehearsal rehearsal = options.idleRehearsalNanos() > 0
            ? new IdleRehearsal(options.runId(), options.mode(), parameters, clock.nanoTime()) : null;
        if (rehearsal != null && !runtime.rehearseWhenIdle(rehearsal::step)) {
            rehearsal = null; // this mapping or wait strategy leaves the business thread no idle time to use
        }
        runtime.start();
        EventPublisher control = runtime.newInboundPublisher();
        SessionAnnouncer.announce(control, options.runId(), options.mode(), parameters);
        MarketSource source = sourceFactory.apply(runtime);
        try {
            source.decodeLatency(runtime.latencies().get(io.kengine.engine.ops.LatencyPath.FEED_DECODE)::record);
            source.start();
            source.watchResyncRequests(resync);
            venue.afterMarketSourceStarted();
        } catch (RuntimeException e) {
            source.stop();
            runtime.close();
            venue.close();
            closeQuietly(afterVenue);
            throw e;
        }
        return new TradingEngine(runtime, stages[0], venue, source, afterVenue, rehearsal);
    }

    /** Waits until the market source ends by itself (the scripted feed's event limit). */
    public boolean awaitFeed(long timeout, TimeUnit unit) throws InterruptedException {
        return source.awaitFinished(timeout, unit);
    }

    public EngineRuntime runtime() {
        return runtime;
    }

    /** The business thread's idle rehearsal, or null when it has none (off, per-stage, or a wait that cannot time out). */
    public IdleRehearsal rehearsal() {
        return rehearsal;
    }

    public BusinessStages stages() {
        return stages;
    }

    /** The paper exchange when the engine trades on paper in the process, else null. */
    public PaperExchange paper() {
        return venue instanceof PaperVenue p ? p.paper() : null;
    }

    public OrderVenue venue() {
        return venue;
    }

    public MarketSource source() {
        return source;
    }

    /** Another producer of inbound events (e.g. fair-value inputs), stopped first when the engine closes. */
    public void attachInput(AutoCloseable input) {
        inputs.add(input);
    }

    /** The market registry of the feed (ticker ↔ id), or null when the source has none (scripted feed). */
    public io.kengine.feed.connection.MarketRegistry marketRegistry() {
        return source.feed() != null ? source.feed().markets() : null;
    }

    @Override
    public void close() {
        inputs.forEach(TradingEngine::closeQuietly);
        source.stop();
        venue.stopUnpromptedEvents(); // before the drain: nothing may reach the ring after it
        runtime.close();
        venue.close();
        closeQuietly(afterVenue);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.getLogger(TradingEngine.class.getName()).log(System.Logger.Level.WARNING, "closing " + c + ": " + e);
        }
    }
}
