package io.kengine.engine.ops;

import io.kengine.engine.RestVenue;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.rehearsal.IdleRehearsal;
import io.kengine.engine.ring.RingCounters;
import io.kengine.feed.connection.FeedCounter;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.feed.decode.DecodeCounters;
import io.kengine.feed.decode.FrameKind;
import io.kengine.feed.decode.MalformedReason;
import io.kengine.gateway.rest.KalshiRestSender;
import io.kengine.protocol.event.OperatorCommandEvent;

import java.util.Locale;

/**
 * Registers what exists today with a {@link MetricsRegistry}. Every value is read when scraped, from
 * counters built to be read from other threads (ring, feed and gateway atomics) or from a {@link StatusSource}
 * snapshot. Names are those of config/grafana/kengine-dashboard.json and engine/README.md.
 */
public final class EngineMetrics {
    private EngineMetrics() {
    }

    public static void register(MetricsRegistry r, TradingEngine engine, StatusSource status, OperatorCommands commands,
                                WebhookAlerts alerts) {
        RingCounters c = engine.runtime().counters();
        r.counter("kengine_events_in_total", "events published on the inbound ring", c.inboundPublished::get);
        r.counter("kengine_intents_published_total", "order intents published on the outbound ring", c.intentsPublished::get);
        r.counter("kengine_decisions_published_total", "decision records (why a stage quoted, pulled or blocked) published on the outbound ring",
            c.decisionsPublished::get);
        r.counter("kengine_intents_sent_total", "order intents handed to the sender", c.intentsSent::get);
        r.counter("kengine_ring_full_total", "times a producer found its ring full and had to wait", out -> {
            out.add(c.inboundFull.get(), "ring", "inbound");
            out.add(c.outboundFull.get(), "ring", "outbound");
        });
        r.counter("kengine_journaled_total", "events written to the journal", out -> {
            out.add(c.journaledIn.get(), "direction", "in");
            out.add(c.journaledOut.get(), "direction", "out");
        });
        r.counter("kengine_stage_errors_total", "exceptions caught around a business stage", () -> engine.runtime().stageErrors().count());
        r.counter("kengine_ring_consumer_failures_total", "ring slots a consumer threw on and skipped (outbound: the sender; inbound:"
            + " a business handler outside its stages)", out -> {
            out.add(engine.runtime().inboundConsumerFailures(), "ring", "inbound");
            out.add(engine.runtime().outboundConsumerFailures(), "ring", "outbound");
        });
        r.counter("kengine_journal_out_failures_total", "outbound events journal-out failed to write (the journal watch halts the engine)",
            () -> engine.runtime().journalOutFailures());
        r.counter("kengine_unjournaled_intents_total", "intents journal-out failed on: cancels and decreases sent anyway, others refused",
            out -> {
                out.add(engine.runtime().unjournaledIntentsSent(), "outcome", "sent");
                out.add(engine.runtime().unjournaledIntentsRefused(), "outcome", "refused");
            });
        r.counter("kengine_journal_in_failures_total", "inbound events journal-in failed to write (each logged, then skipped)",
            () -> engine.runtime().journalInFailures());
        r.counter("kengine_operator_commands_total", "operator commands published (CLI, kill switch, signals, shutdown)", out -> {
            for (byte cmd = OperatorCommandEvent.HALT; cmd <= OperatorCommandEvent.CANCEL_ALL; cmd++) {
                out.add(commands.published(cmd), "command", OperatorCommandEvent.commandName(cmd));
            }
        });

        KalshiFeed feed = engine.source().feed();
        if (feed != null) {
            DecodeCounters d = feed.decodeCounters();
            r.counter("kengine_feed_messages_total", "WebSocket frames decoded, by message type", out -> {
                for (FrameKind k : FrameKind.values()) {
                    out.add(d.frames(k), "type", k.name().toLowerCase(Locale.ROOT));
                }
            });
            r.counter("kengine_feed_decode_errors_total", "frames dropped as malformed, by reason", out -> {
                for (MalformedReason m : MalformedReason.values()) {
                    out.add(d.dropped(m), "reason", m.name().toLowerCase(Locale.ROOT));
                }
            });
            r.counter("kengine_feed_resyncs_total", "snapshot requests after a sequence gap or an untrusted book",
                () -> feed.counters().get(FeedCounter.SNAPSHOT_REQUESTS));
            r.counter("kengine_feed_reconnects_total", "WebSocket connections opened after the first",
                () -> Math.max(0, feed.counters().get(FeedCounter.CONNECTS) - 1));
            r.counter("kengine_feed_sequence_gaps_total", "per-subscription sequence gaps seen",
                () -> feed.counters().get(FeedCounter.SEQ_GAPS));
            r.gauge("kengine_feed_connected", "1 while the market-data WebSocket is open", () -> feed.isConnected() ? 1 : 0);
        }
        if (engine.venue() instanceof RestVenue rest) {
            // the venue makes its sender when the runtime starts: look it up at each scrape (0 before)
            r.counter("kengine_gateway_connection_recycles_total",
                "idle direct REST connections closed and reopened before a middlebox could drop them silently", () -> {
                    KalshiRestSender sender = rest.restSender();
                    return sender == null ? 0 : sender.directRecycles();
                });
        }
        // single-writer counters of the business thread, read racily (a scrape may lag by an event)
        r.counter("kengine_book_own_deltas_total",
            "book deltas Kalshi tagged with one of our client order ids (the book is read net of our own orders)",
            () -> engine.stages().book().ownDeltas());
        r.counter("kengine_orders_legs_held_total",
            "times a quote leg waited because its new price would cross our own other leg (post-only)",
            () -> engine.stages().orders().legsHeldForOwnLeg());
        IdleRehearsal rehearsal = engine.rehearsal();
        if (rehearsal != null) {
            r.counter("kengine_rehearsal_steps_total",
                "idle rehearsals of the quote path on the business thread's private market (nothing journaled or sent)",
                rehearsal::steps);
            r.counter("kengine_rehearsal_intents_total", "intents the private rehearsal chain produced and dropped (about one per step)",
                rehearsal::intents);
            r.gauge("kengine_rehearsal_running", "1 while idle rehearsal runs; 0 once its private chain failed and it stopped",
                () -> rehearsal.failure() == null ? 1 : 0);
        }
        registerStatus(r, status, alerts);
    }

    /** The gauges and counters that come from {@link EngineStatus} (the values risk and gateway fill in). */
    public static void registerStatus(MetricsRegistry r, StatusSource live, WebhookAlerts alerts) {
        StatusSource status = cached(live, 250);
        r.gauge("kengine_uptime_seconds", "seconds since the engine started", out -> out.add(status.snapshot().uptimeMs() / 1000));
        r.gauge("kengine_halted", "1 while trading is halted (operator, kill switch or risk)", out -> out.add(status.snapshot().halted() ? 1 : 0));
        r.gauge("kengine_open_orders", "orders the engine believes are resting", out -> out.add(status.snapshot().openOrders()));
        r.gauge("kengine_markets", "markets by book state", out -> {
            EngineStatus s = status.snapshot();
            out.add((long) s.marketsDefined(), "state", "defined");
            out.add((long) s.marketsTrusted(), "state", "trusted");
            out.add((long) s.marketsStale(), "state", "stale");
        });
        r.gauge("kengine_position_contracts", "sum of absolute positions over all markets, contracts",
            out -> out.add(scaled(status.snapshot().positionContracts(), 100)));
        r.gauge("kengine_pnl_dollars", "P&L today, dollars", out -> out.add(scaled(status.snapshot().pnlToday(), 10_000)));
        r.gauge("kengine_exposure_dollars", "gross exposure, dollars", out -> out.add(scaled(status.snapshot().exposure(), 10_000)));
        r.gauge("kengine_token_budget", "order-rate tokens left", out -> out.add(status.snapshot().tokenBudget()));
        r.counter("kengine_rejects_total", "order rejects from the exchange", out -> out.add(status.snapshot().rejects(), "reason", "all"));
        r.counter("kengine_risk_blocks_total", "quotes cut or blocked by pre-trade risk", out -> out.add(status.snapshot().riskBlocks(), "rule", "all"));
        r.counter("kengine_fills_total", "fills received", out -> out.add(status.snapshot().fills()));
        if (alerts != null) {
            r.counter("kengine_alerts_total", "alerts by outcome", out -> {
                out.add(alerts.sent(), "outcome", "sent");
                out.add(alerts.dropped(), "outcome", "dropped");
                out.add(alerts.failed(), "outcome", "failed");
            });
        }
    }

    /** One snapshot per scrape rather than one per gauge. */
    static StatusSource cached(StatusSource live, long maxAgeMs) {
        long maxAge = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(maxAgeMs);
        Object[] last = {null, 0L};
        return () -> {
            synchronized (last) {
                long now = System.nanoTime();
                if (last[0] == null || now - (Long) last[1] > maxAge) {
                    last[0] = live.snapshot();
                    last[1] = now;
                }
                return (EngineStatus) last[0];
            }
        };
    }

    private static double scaled(long v, long unit) {
        return v == EngineStatus.NA ? Double.NaN : (double) v / unit;
    }
}
