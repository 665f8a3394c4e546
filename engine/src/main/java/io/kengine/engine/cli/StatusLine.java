package io.kengine.engine.cli;

import io.kengine.config.EngineConfig;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.RingCounters;

import java.io.PrintStream;

/** The console view of a running engine: a banner, a refreshing status line and a summary. */
final class StatusLine {
    private final TradingEngine engine;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastNanos = startNanos;
    private long lastIn;
    private long lastIntents;

    StatusLine(TradingEngine engine, PrintStream out) {
        this.engine = engine;
        this.out = out;
    }

    String banner(EngineConfig cfg, EngineOptions o) {
        return "kengine " + o.mode() + " on " + cfg.engine().environment().configName()
            + " | feed: " + engine.source().describe()
            + " | mapping " + o.mapping().name().toLowerCase().replace('_', '-') + ", wait " + engine.runtime().waitDescription()
            + ", idle rehearsal " + (engine.rehearsal() != null ? "every " + o.idleRehearsalNanos() / 1_000 + " µs"
                : o.idleRehearsalNanos() == 0 ? "off" : "unavailable (per-stage or a wait that cannot time out)")
            + " | journal " + (o.journalDir() == null ? "off" : o.journalDir().toAbsolutePath())
            + " | config " + cfg.source()
            + System.lineSeparator() + "Ctrl-C stops: quotes halt, orders are cancelled, rings drain, the journal is closed"
            + " (a second Ctrl-C exits at once).";
    }

    void print() {
        RingCounters c = engine.runtime().counters();
        long now = System.nanoTime();
        long in = c.inboundPublished.get();
        long intents = c.intentsPublished.get();
        double secs = Math.max(1e-9, (now - lastNanos) / 1e9);
        out.printf("t=%4ds  in %9d (%7.0f/s)  intents %7d (%5.0f/s)  open orders %4d  journaled %d/%d  ring-full %d/%d  errors %d%n",
            (now - startNanos) / 1_000_000_000L, in, (in - lastIn) / secs, intents, (intents - lastIntents) / secs,
            engine.stages().orders().openOrders(), c.journaledIn.get(), c.journaledOut.get(),
            c.inboundFull.get(), c.outboundFull.get(), engine.runtime().stageErrors().count());
        lastNanos = now;
        lastIn = in;
        lastIntents = intents;
    }

    String summary() {
        RingCounters c = engine.runtime().counters();
        double secs = (System.nanoTime() - startNanos) / 1e9;
        return String.format("summary: %.1fs, %d events in, %d intents out, %d sent, journaled %d in / %d out, "
                + "ring full %d in / %d out, stage errors %d",
            secs, c.inboundPublished.get(), c.intentsPublished.get(), c.intentsSent.get(), c.journaledIn.get(),
            c.journaledOut.get(), c.inboundFull.get(), c.outboundFull.get(), engine.runtime().stageErrors().count());
    }
}
