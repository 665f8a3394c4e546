package io.kengine.engine.ops;

import io.kengine.book.BookStage;
import io.kengine.book.OrderBook;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.RingCounters;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.risk.RiskStage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The {@link StatusSource} of a {@link TradingEngine} as it is today: ring and journal counters
 * (atomics), the feed's connection state, operator halts (from {@link OperatorCommands}), the
 * tick-to-intent recorder, and what the stages expose as counters.
 *
 * <p><b>Hooks for the lead</b> (see engine/README.md "Ops hooks"): stage values below are read the
 * way the console status line always read them, as plain reads of single-writer fields (never torn for
 * references, ints and on 64-bit JVMs longs, possibly a moment old). When risk and gateway publish
 * snapshots (positions, P&amp;L, exposure, token budget, rejects, fills), replace {@link #business}
 * with a view over those; until then those fields are {@link EngineStatus#NA}.
 */
public final class TradingEngineStatus implements StatusSource {
    /** What the business stages contribute; replaceable by a view over published snapshots. */
    public interface BusinessView {
        int marketsDefined();

        int marketsTrusted();

        int marketsStale();

        long openOrders();

        long positionContracts();

        default long pnlToday() {
            return EngineStatus.NA;
        }

        default long exposure() {
            return EngineStatus.NA;
        }

        default long tokenBudget() {
            return EngineStatus.NA;
        }

        default long rejects() {
            return EngineStatus.NA;
        }

        long riskBlocks();

        default long fills() {
            return EngineStatus.NA;
        }

        /** Halts the risk stage has latched by itself (loss limits, circuit breakers), with reasons. */
        List<String> riskHalts();
    }

    private static final long RATE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(900);

    private final TradingEngine engine;
    private final OperatorCommands commands;
    private final MetricsRegistry metrics;
    private final String environment;
    private final long runId;
    private final String mode;
    private final long startNanos = System.nanoTime();
    private volatile BusinessView business;
    private volatile LongSupplier alertsSent = () -> 0;
    private volatile LongSupplier alertsDropped = () -> 0;
    private long disconnectedSinceNanos = -1;
    private long lastRateNanos = startNanos;
    private long lastIn;
    private long lastIntents;
    private double inRate;
    private double intentRate;

    public TradingEngineStatus(TradingEngine engine, OperatorCommands commands, MetricsRegistry metrics,
                               long runId, String mode, String environment) {
        this.engine = engine;
        this.commands = commands;
        this.metrics = metrics;
        this.runId = runId;
        this.mode = mode;
        this.environment = environment;
        this.business = new StageCounters(engine, commands);
    }

    /** Replaces the stage view (the lead's hook for risk/gateway snapshots). */
    public void business(BusinessView view) {
        this.business = view;
    }

    public void alertCounters(LongSupplier sent, LongSupplier dropped) {
        this.alertsSent = sent;
        this.alertsDropped = dropped;
    }

    @Override
    public synchronized EngineStatus snapshot() {
        long now = System.nanoTime();
        RingCounters c = engine.runtime().counters();
        long in = c.inboundPublished.get();
        long intents = c.intentsPublished.get();
        if (now - lastRateNanos >= RATE_INTERVAL_NANOS) {
            double secs = (now - lastRateNanos) / 1e9;
            inRate = (in - lastIn) / secs;
            intentRate = (intents - lastIntents) / secs;
            lastRateNanos = now;
            lastIn = in;
            lastIntents = intents;
        }
        String connection;
        long disconnectedFor;
        KalshiFeed feed = engine.source().feed();
        if (feed == null) {
            connection = "scripted";
            disconnectedFor = EngineStatus.NA;
        } else if (feed.isConnected()) {
            connection = "connected";
            disconnectedSinceNanos = -1;
            disconnectedFor = 0;
        } else {
            connection = "disconnected";
            if (disconnectedSinceNanos < 0) {
                disconnectedSinceNanos = now;
            }
            disconnectedFor = TimeUnit.NANOSECONDS.toMillis(now - disconnectedSinceNanos);
        }
        BusinessView b = business;
        List<String> halts = new ArrayList<>();
        if (commands.halted()) {
            halts.add("operator: " + commands.haltReason());
        }
        halts.addAll(b.riskHalts());
        LatencyRecorder.Snapshot t2i = metrics.latency(LatencyPath.TICK_TO_INTENT).snapshot();
        return new EngineStatus(runId, mode, environment, TimeUnit.NANOSECONDS.toMillis(now - startNanos),
            connection, disconnectedFor,
            b.marketsDefined(), b.marketsTrusted(), b.marketsStale(),
            in, intents, inRate, intentRate,
            b.openOrders(), b.positionContracts(), b.pnlToday(), b.exposure(), b.tokenBudget(),
            b.rejects(), b.riskBlocks(), b.fills(),
            !halts.isEmpty(), halts,
            t2i.p50(), t2i.p99(),
            c.inboundFull.get(), c.outboundFull.get(), engine.runtime().stageErrors().count(),
            c.journaledIn.get(), c.journaledOut.get(),
            alertsSent.getAsLong(), alertsDropped.getAsLong());
    }

    /** Today's stages, read as the console always read them (see the class comment). */
    static final class StageCounters implements BusinessView {
        private final TradingEngine engine;
        private final OperatorCommands commands;

        StageCounters(TradingEngine engine, OperatorCommands commands) {
            this.engine = engine;
            this.commands = commands;
        }

        private int count(BookTrust state) {
            BookStage book = engine.stages().book();
            int n = 0;
            for (int m = 0; m < book.maxMarkets(); m++) {
                OrderBook b = book.book(m);
                if (b != null && (state == null || b.trustState() == state)) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public int marketsDefined() {
            return count(null);
        }

        @Override
        public int marketsTrusted() {
            return count(BookTrust.TRUSTED);
        }

        @Override
        public int marketsStale() {
            return count(BookTrust.STALE);
        }

        @Override
        public long openOrders() {
            return engine.stages().orders().openOrders();
        }

        @Override
        public long positionContracts() {
            return engine.stages().risk().totalAbsPosition();
        }

        @Override
        public long riskBlocks() {
            return engine.stages().risk().blocksTotal();
        }

        @Override
        public long fills() {
            return engine.stages().orders().fills();
        }

        @Override
        public long rejects() {
            return engine.stages().orders().rejects();
        }

        @Override
        public long pnlToday() {
            return engine.stages().risk().dailyPnl();
        }

        @Override
        public long exposure() {
            return engine.stages().risk().totalAtRisk();
        }

        @Override
        public long tokenBudget() {
            return engine.stages().risk().tokens();
        }

        @Override
        public List<String> riskHalts() {
            RiskStage risk = engine.stages().risk();
            List<String> halts = new java.util.ArrayList<>();
            // an operator halt is reported by the command log; report the risk latch only when it has its own reason
            if (risk.halted() && !commands.halted()) {
                halts.add("risk: " + io.kengine.protocol.stage.QuoteReason.name(risk.haltReason()));
            }
            if (risk.coolingDown()) {
                halts.add("risk: cool-down");
            }
            if (risk.breakerState() != 0) {
                halts.add("risk: breaker " + (risk.breakerState() == 1 ? "open" : "half-open"));
            }
            return halts;
        }
    }
}
