package io.kengine.bench;

import io.kengine.engine.BusinessStages;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.EngineRuntime;
import io.kengine.engine.SessionAnnouncer;
import io.kengine.engine.rehearsal.IdleRehearsal;
import io.kengine.engine.ring.StageMapping;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.Stage;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;

/**
 * The real engine as the tick-to-intent paths run it: {@link EngineRuntime} with {@link BusinessStages},
 * the orders stage wrapped by {@link IntentLatencyMark}, a {@link HarnessVenue} as the sender, the session
 * announced with {@link BenchParameters}. Its acknowledgements are published by the caller's thread
 * ({@link #pump}), which must be the one driving the path.
 */
final class MarkedEngine implements AutoCloseable {
    final EngineRuntime runtime;
    final BusinessStages stages;
    final HarnessVenue venue;
    final EventPublisher control; // the driver thread's publisher: session, acknowledgements
    private final IntentLatencyMark mark;
    final IdleRehearsal rehearsal; // null when off
    private final Path journalDir;

    final StageBreakdown breakdown; // null unless asked for

    MarkedEngine(StageMapping mapping, String wait, boolean journal, long runId, PlannedClock clock, long rehearsalNanos,
                 HarnessVenue venue) {
        this(mapping, wait, journal, runId, clock, false, DEFAULT_INBOUND, DEFAULT_OUTBOUND, rehearsalNanos, venue);
    }

    /** The engine's default idle rehearsal interval (engine.threads.idleRehearsalUs). */
    static final long DEFAULT_REHEARSAL_NANOS = java.util.concurrent.TimeUnit.MICROSECONDS.toNanos(
        io.kengine.config.EngineConfig.ThreadSettings.DEFAULT_IDLE_REHEARSAL_US);

    /** Path-name suffix for a rehearsal interval other than the default. */
    static String rehearsalSuffix(long rehearsalNanos) {
        return rehearsalNanos == DEFAULT_REHEARSAL_NANOS ? ""
            : rehearsalNanos == 0 ? " no-rehearsal" : " rehearsal " + rehearsalNanos / 1_000 + "us";
    }

    /** The engine's configured defaults (engine.ring.*). */
    static final int DEFAULT_INBOUND = 16_384;
    static final int DEFAULT_OUTBOUND = 4_096;

    MarkedEngine(StageMapping mapping, String wait, boolean journal, long runId, PlannedClock clock, boolean breakdown,
                 int inboundSize, int outboundSize, long rehearsalNanos, HarnessVenue venue) {
        this.venue = venue;
        this.journalDir = journal ? BenchDirs.create("tick-to-intent") : null;
        IntentLatencyMark[] marks = new IntentLatencyMark[1];
        BusinessStages[] built = new BusinessStages[1];
        StageBreakdown[] timers = new StageBreakdown[1];
        EngineOptions options = new EngineOptions(mapping, wait, inboundSize, outboundSize, journalDir, runId, "paper", rehearsalNanos);
        this.runtime = new EngineRuntime(options, clock,
            intents -> {
                built[0] = new BusinessStages(intents);
                Stage[] chain = built[0].inOrder();
                if (breakdown) {
                    timers[0] = new StageBreakdown(clock, chain);
                    chain = timers[0].wrap(chain);
                }
                marks[0] = new IntentLatencyMark(chain[chain.length - 1], () -> built[0].orders().intentsPublished(), clock);
                chain[chain.length - 1] = marks[0];
                return chain;
            }, venue::sender, () -> true);
        this.mark = marks[0];
        this.stages = built[0];
        this.breakdown = timers[0];
        // as TradingEngine does: a private chain with the session's parameters, stepped in the business thread's idle time
        this.rehearsal = rehearsalNanos > 0 ? new IdleRehearsal(runId, "paper", BenchParameters.entries(venue.parameters()), clock.nanoTime()) : null;
        if (rehearsal != null) {
            runtime.rehearseWhenIdle(rehearsal::step);
        }
        runtime.start();
        this.control = runtime.newInboundPublisher();
        SessionAnnouncer.announce(control, runId, "paper", BenchParameters.entries(venue.parameters()));
    }

    void pump() {
        venue.pump(control);
    }

    Histogram intentInterval(Histogram reuse) {
        return mark.recorder.getIntervalHistogram(reuse);
    }

    Histogram wireInterval(Histogram reuse) {
        return venue.wireInterval(reuse);
    }

    long intents() {
        return runtime.counters().intentsPublished.get();
    }

    /** Pumps until both rings are empty and every acknowledgement is published; false on timeout. */
    boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            pump();
            if (venue.idle() && runtime.drain(1)) {
                pump();
                if (venue.idle()) {
                    return true;
                }
            }
        }
        return false;
    }

    long errors() {
        return runtime.stageErrors().count() + venue.lost();
    }

    long ringFull() {
        return runtime.counters().inboundFull.get();
    }

    @Override
    public void close() {
        runtime.close();
        venue.close();
        if (journalDir != null) {
            BenchDirs.delete(journalDir);
        }
    }
}
