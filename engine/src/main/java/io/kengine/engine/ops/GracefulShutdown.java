package io.kengine.engine.ops;

import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.RingCounters;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The stop sequence on Ctrl-C / SIGTERM / the end of {@code --duration}: stop quoting (HALT), cancel
 * everything (CANCEL_ALL), wait until no order is open (polled, bounded by
 * {@code engine.shutdown.cancelTimeoutMs}), alert, stop the market source, drain both rings, flush and
 * close the journal, and print a summary.
 */
public final class GracefulShutdown {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What a run did, for the final lines on the console. */
    public record Summary(double seconds, long eventsIn, long intentsOut, long intentsSent, long openOrdersLeft,
                          long fills, long pnl, long journaledIn, long journaledOut, long stageErrors, boolean cancelsConfirmed) {
        public String toText() {
            return String.format(Locale.ROOT, "summary: %.1fs, %d events in, %d intents out (%d sent), fills %s, P&L %s, "
                    + "journaled %d in / %d out, stage errors %d; %s",
                seconds, eventsIn, intentsOut, intentsSent, EngineStatus.num(fills), EngineStatus.dollars(pnl),
                journaledIn, journaledOut, stageErrors,
                cancelsConfirmed ? "no open orders left" : openOrdersLeft + " order(s) NOT confirmed cancelled within the timeout");
        }
    }

    private GracefulShutdown() {
    }

    /**
     * Waits until {@code openOrders} reads 0, polling every 10 ms, at most {@code timeoutMs}.
     *
     * @return true when it reached 0 in time
     */
    public static boolean awaitNoOpenOrders(LongSupplier openOrders, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long open = openOrders.getAsLong();
            if (open == 0 || open == EngineStatus.NA) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * Runs the stop sequence; closes {@code engine} and {@code ops}.
     *
     * @param why e.g. "Ctrl-C", "SIGTERM", "--duration reached"
     */
    public static Summary run(TradingEngine engine, OpsRuntime ops, long cancelTimeoutMs, String why, PrintStream out) {
        long start = System.nanoTime();
        out.println("stopping (" + why + "): quotes halted, cancelling all orders (waiting up to " + cancelTimeoutMs
            + " ms), then draining rings and closing the journal ... (a second Ctrl-C exits at once)");
        String reason = KillSwitch.ascii("shutdown: " + why);
        ops.commands().halt(reason, "shutdown");
        ops.commands().cancelAll(reason, "shutdown");
        TradingEngineStatus status = ops.status();
        boolean confirmed = awaitNoOpenOrders(() -> status.snapshot().openOrders(), cancelTimeoutMs);
        EngineStatus last = status.snapshot();
        ops.stopInputs();
        engine.close();
        RingCounters c = engine.runtime().counters();
        Summary summary = new Summary(last.uptimeMs() / 1000.0, c.inboundPublished.get(), c.intentsPublished.get(),
            c.intentsSent.get(), confirmed ? 0 : last.openOrders(), last.fills(), last.pnlToday(), c.journaledIn.get(),
            c.journaledOut.get(), engine.runtime().stageErrors().count(), confirmed);
        ops.alerts().alert("stopped", "engine stopped (" + why + "): " + summary.toText());
        ops.close(Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
        out.println(summary.toText());
        return summary;
    }
}
