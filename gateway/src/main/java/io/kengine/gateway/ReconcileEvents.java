package io.kengine.gateway;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.MutableDirectBuffer;

/**
 * How a reconciliation round travels through the inbound ring with today's event shapes (so the
 * journal holds it and replay reproduces every decision taken from it). All are published by the
 * gateway (source GATEWAY) in this order:
 * <ol>
 *   <li><b>begin</b>: an OrderReply on {@link EventHeader#NO_MARKET}, type UNKNOWN, client order id
 *       {@value #MARKER_ID}, {@code remaining} = round number, {@code filled} = {@link #PHASE_BEGIN},
 *       {@code price} = flags ({@link #FLAG_STARTUP}), {@code exchangeTimeMs} = the position baseline time;</li>
 *   <li>each order the exchange has resting: an OrderReply, type ACCEPTED, reason {@value #REPORT_REASON},
 *       with ticker-resolved market, side, YES price, remaining, filled, both ids (orders the gateway looked up
 *       for an unknown client id may also come as CANCELED / EXECUTED);</li>
 *   <li>fills since the previous round (not in the startup round): ordinary Fill events, deduplicated by the
 *       stage by trade id;</li>
 *   <li>each market position: a Fill with count 0, an empty trade id and {@code postPosition} = the
 *       exchange's signed position (0.01 contracts, + YES); markets without one have position 0 — this is
 *       also how risk learns the positions at start;</li>
 *   <li><b>end</b>: as begin, with {@code filled} = {@link #PHASE_END}.</li>
 * </ol>
 * A protocol-level ReconcileEvent / PositionEvent would be cleaner; see gateway/README.md.
 */
public final class ReconcileEvents {
    public static final String MARKER_ID = "#reconcile";
    public static final String REPORT_REASON = "reconcile";
    public static final long PHASE_BEGIN = 1;
    public static final long PHASE_END = 2;
    public static final long FLAG_STARTUP = 1;

    private ReconcileEvents() {
    }

    public static void marker(MutableDirectBuffer b, long round, long phase, boolean startup, long baselineMs) {
        new OrderReplyEvent().wrapForEncode(b, 0, EventHeader.NO_MARKET, EventSource.GATEWAY)
            .replyType(OrderReplyEvent.UNKNOWN).remaining(round).filled(phase)
            .price(startup ? FLAG_STARTUP : 0).exchangeTimeMs(baselineMs).clientOrderId(MARKER_ID)
            .reason(phase == PHASE_BEGIN ? "reconcile begin" : "reconcile end")
            .causeSequence(Flyweight.NULL_LONG);
    }

    public static void position(MutableDirectBuffer b, int marketId, long position) {
        new FillEvent().wrapForEncode(b, 0, marketId, EventSource.GATEWAY).count(0).postPosition(position);
    }
}
