package io.kengine.journal;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.event.TickerEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.event.TradeEvent;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Renders an event as one human-readable line, e.g.
 * {@code seq=12 t=2026-11-21T10:00:00.000000123Z BookDelta market=3 side=yes price=0.5600 delta=-12.00 exseq=77 sub=1 src=feed}.
 * Prices and money print with 4 decimals ($), quantities with 2 (contracts), times in UTC; absent
 * optional values print as {@code -}. A malformed event prints its header and the reason instead of
 * its fields. Not for the hot path (it builds Strings); one instance per thread.
 */
public final class EventFormatter {
    private final UnsafeBuffer scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    private final MarketDefinitionEvent marketDefinition = new MarketDefinitionEvent();
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final TradeEvent trade = new TradeEvent();
    private final TickerEvent ticker = new TickerEvent();
    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final FillEvent fill = new FillEvent();
    private final MarketLifecycleEvent lifecycle = new MarketLifecycleEvent();
    private final FairValueEvent fairValue = new FairValueEvent();
    private final TimerEvent timer = new TimerEvent();
    private final ConfigChangeEvent config = new ConfigChangeEvent();
    private final OperatorCommandEvent command = new OperatorCommandEvent();
    private final SessionStartEvent session = new SessionStartEvent();
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final io.kengine.protocol.event.DecisionEvent decision = new io.kengine.protocol.event.DecisionEvent();

    /** Formats the event that starts at {@code offset} (its header says how long it is). */
    public String format(DirectBuffer buffer, int offset) {
        StringBuilder sb = new StringBuilder(160);
        format(buffer, offset, sb);
        return sb.toString();
    }

    public void format(DirectBuffer buffer, int offset, StringBuilder sb) {
        // flyweights need a mutable buffer; formatting a copy also keeps this class read-only
        int available = Math.min(buffer.capacity() - offset, EventHeader.MAX_EVENT_LENGTH);
        if (available < EventHeader.LENGTH) {
            sb.append("INVALID record of ").append(Math.max(available, 0)).append(" bytes");
            return;
        }
        scratch.putBytes(0, buffer, offset, available);
        sb.append("seq=").append(EventHeader.sequence(scratch, 0));
        sb.append(" t=");
        Text.nanos(sb, EventHeader.timestampNanos(scratch, 0));
        sb.append(' ');
        String problem = EventHeader.validate(scratch, 0, available);
        if (problem != null) {
            sb.append("INVALID type=").append(EventHeader.type(scratch, 0)).append(": ").append(problem);
            return;
        }
        short type = EventHeader.type(scratch, 0);
        sb.append(EventType.name(type));
        body(type, sb);
        sb.append(" src=").append(EventSource.name(EventHeader.source(scratch, 0)));
    }

    private void body(short type, StringBuilder sb) {
        switch (type) {
            case EventType.MARKET_DEFINITION: marketDefinition(sb); break;
            case EventType.BOOK_SNAPSHOT: snapshot(sb); break;
            case EventType.BOOK_DELTA: delta(sb); break;
            case EventType.TRADE: trade(sb); break;
            case EventType.TICKER: ticker(sb); break;
            case EventType.ORDER_REPLY: reply(sb); break;
            case EventType.FILL: fill(sb); break;
            case EventType.MARKET_LIFECYCLE: lifecycle(sb); break;
            case EventType.FAIR_VALUE: fairValue(sb); break;
            case EventType.TIMER: timer(sb); break;
            case EventType.CONFIG_CHANGE: config(sb); break;
            case EventType.OPERATOR_COMMAND: command(sb); break;
            case EventType.SESSION_START: session(sb); break;
            case EventType.ORDER_INTENT: intent(sb); break;
            case EventType.DECISION: decision(sb); break;
            default: throw new IllegalStateException("validated event of unhandled type " + type);
        }
    }

    private <T extends Flyweight> T wrap(T flyweight) {
        flyweight.wrap(scratch, 0);
        return flyweight;
    }

    private static void market(StringBuilder sb, int marketId) {
        sb.append(" market=");
        if (marketId == EventHeader.NO_MARKET) {
            sb.append("all");
        } else {
            sb.append(marketId);
        }
    }

    private void marketDefinition(StringBuilder sb) {
        MarketDefinitionEvent e = wrap(marketDefinition);
        market(sb, e.marketId());
        sb.append(" ticker=").append(e.ticker());
        sb.append(" event=").append(e.eventTicker());
        sb.append(" series=").append(e.seriesTicker());
        sb.append(" status=").append(Codes.status(e.status()));
        sb.append(" open=");
        Text.millis(sb, e.openTimeMs());
        sb.append(" close=");
        Text.millis(sb, e.closeTimeMs());
        sb.append(" fractional=").append(e.fractionalTrading());
        sb.append(" grid=[");
        for (int i = 0; i < e.priceRangeCount(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            Text.price(sb, e.rangeStart(i));
            sb.append('-');
            Text.price(sb, e.rangeEnd(i));
            sb.append('/');
            Text.price(sb, e.rangeStep(i));
        }
        sb.append(']');
    }

    private void snapshot(StringBuilder sb) {
        BookSnapshotEvent e = wrap(snapshot);
        market(sb, e.marketId());
        sb.append(" sub=").append(e.subscriptionId());
        sb.append(" exseq=").append(e.exchangeSeq());
        sb.append(" chunk=").append(e.isFirst() && e.isLast() ? "whole" : e.isFirst() ? "first" : e.isLast() ? "last" : "middle");
        sb.append(" yes=[");
        for (int i = 0; i < e.yesCount(); i++) {
            level(sb, i, e.yesPrice(i), e.yesQuantity(i));
        }
        sb.append("] no=[");
        for (int i = 0; i < e.noCount(); i++) {
            level(sb, i, e.noPrice(i), e.noQuantity(i));
        }
        sb.append(']');
    }

    private static void level(StringBuilder sb, int i, long price, long quantity) {
        if (i > 0) {
            sb.append(' ');
        }
        Text.price(sb, price);
        sb.append('x');
        Text.quantity(sb, quantity);
    }

    private void delta(StringBuilder sb) {
        BookDeltaEvent e = wrap(delta);
        market(sb, e.marketId());
        sb.append(" side=").append(Codes.bookSide(e.side()));
        sb.append(" price=");
        Text.price(sb, e.price());
        sb.append(" delta=");
        Text.quantity(sb, e.delta());
        sb.append(" exseq=").append(e.exchangeSeq());
        sb.append(" sub=").append(e.subscriptionId());
        if (e.ownOrder()) {
            sb.append(" own");
        }
        sb.append(" xt=");
        Text.millis(sb, e.exchangeTimeMs());
    }

    private void trade(StringBuilder sb) {
        TradeEvent e = wrap(trade);
        market(sb, e.marketId());
        sb.append(" price=");
        Text.price(sb, e.yesPrice());
        sb.append(" count=");
        Text.quantity(sb, e.count());
        byte taker = e.takerSide();
        sb.append(" taker=").append(taker == Codes.TAKER_YES ? "yes" : taker == Codes.TAKER_NO ? "no" : "?" + taker);
        sb.append(" id=").append(e.tradeId());
        sb.append(" xt=");
        Text.millis(sb, e.exchangeTimeMs());
    }

    private void ticker(StringBuilder sb) {
        TickerEvent e = wrap(ticker);
        market(sb, e.marketId());
        sb.append(" bid=");
        Text.price(sb, e.yesBid());
        sb.append('x');
        Text.quantity(sb, e.yesBidSize());
        sb.append(" ask=");
        Text.price(sb, e.yesAsk());
        sb.append('x');
        Text.quantity(sb, e.yesAskSize());
        sb.append(" last=");
        Text.price(sb, e.lastPrice());
        sb.append(" volume=");
        Text.quantity(sb, e.volume());
        sb.append(" oi=");
        Text.quantity(sb, e.openInterest());
        sb.append(" xt=");
        Text.millis(sb, e.exchangeTimeMs());
    }

    private void reply(StringBuilder sb) {
        OrderReplyEvent e = wrap(reply);
        market(sb, e.marketId());
        sb.append(" reply=").append(OrderReplyEvent.typeName(e.replyType()));
        sb.append(" side=").append(Codes.orderSide(e.side()));
        sb.append(" price=");
        Text.price(sb, e.price());
        sb.append(" remaining=");
        Text.quantity(sb, e.remaining());
        sb.append(" filled=");
        Text.quantity(sb, e.filled());
        sb.append(" coid=").append(e.clientOrderId());
        sb.append(" oid=").append(e.orderId());
        sb.append(" cause=");
        Text.plain(sb, e.causeSequence());
        sb.append(" http=").append(e.httpStatus());
        sb.append(" reason=\"").append(e.reason()).append('"');
        sb.append(" xt=");
        Text.millis(sb, e.exchangeTimeMs());
    }

    private void fill(StringBuilder sb) {
        FillEvent e = wrap(fill);
        market(sb, e.marketId());
        sb.append(" side=").append(Codes.orderSide(e.side()));
        sb.append(" price=");
        Text.price(sb, e.price());
        sb.append(" count=");
        Text.quantity(sb, e.count());
        sb.append(" fee=");
        Text.money(sb, e.fee());
        sb.append(" position=");
        Text.quantity(sb, e.postPosition());
        sb.append(e.isTaker() ? " taker" : " maker");
        sb.append(" trade=").append(e.tradeId());
        sb.append(" oid=").append(e.orderId());
        sb.append(" coid=").append(e.clientOrderId());
        sb.append(" xt=");
        Text.millis(sb, e.exchangeTimeMs());
    }

    private void lifecycle(StringBuilder sb) {
        MarketLifecycleEvent e = wrap(lifecycle);
        market(sb, e.marketId());
        sb.append(" kind=").append(MarketLifecycleEvent.kindName(e.kind()));
        sb.append(" result=").append(result(e.result()));
        sb.append(" open=");
        Text.millis(sb, e.openTimeMs());
        sb.append(" close=");
        Text.millis(sb, e.closeTimeMs());
        sb.append(" settlement=");
        Text.money(sb, e.settlementValue());
        sb.append(" xt=");
        Text.millis(sb, e.exchangeTimeMs());
    }

    private static String result(byte r) {
        switch (r) {
            case MarketLifecycleEvent.RESULT_NONE: return "none";
            case MarketLifecycleEvent.RESULT_YES: return "yes";
            case MarketLifecycleEvent.RESULT_NO: return "no";
            case MarketLifecycleEvent.RESULT_SCALAR: return "scalar";
            default: return "?" + r;
        }
    }

    private void fairValue(StringBuilder sb) {
        FairValueEvent e = wrap(fairValue);
        market(sb, e.marketId());
        sb.append(" fair=");
        Text.price(sb, e.fairPrice());
        sb.append(" confidence=").append(e.confidenceBps()).append("bps");
        byte kind = e.sourceKind();
        sb.append(" from=").append(kind == FairValueEvent.SOURCE_MODEL ? "model"
            : kind == FairValueEvent.SOURCE_SPORTSBOOK ? "sportsbook"
            : kind == FairValueEvent.SOURCE_MANUAL ? "manual" : "?" + kind);
        sb.append(':').append(e.sourceName());
        sb.append(" expires=");
        Text.nanos(sb, e.expiresAtNanos());
    }

    private void timer(StringBuilder sb) {
        TimerEvent e = wrap(timer);
        sb.append(" id=").append(e.timerId());
        sb.append(" scheduled=");
        Text.nanos(sb, e.scheduledAtNanos());
    }

    private void config(StringBuilder sb) {
        ConfigChangeEvent e = wrap(config);
        sb.append(" rev=").append(e.revision());
        sb.append(" key=").append(e.key());
        sb.append(" value=").append(e.value());
    }

    private void command(StringBuilder sb) {
        OperatorCommandEvent e = wrap(command);
        market(sb, e.marketId());
        sb.append(" command=").append(OperatorCommandEvent.commandName(e.command()));
        sb.append(" reason=\"").append(e.reason()).append('"');
    }

    private void decision(StringBuilder sb) {
        io.kengine.protocol.event.DecisionEvent e = wrap(decision);
        market(sb, e.marketId());
        sb.append(" stage=").append(io.kengine.protocol.event.DecisionEvent.stageName(e.stage()));
        sb.append(" kind=").append(io.kengine.protocol.stage.DecisionKind.name(e.kind()));
        sb.append(" reason=").append(io.kengine.protocol.stage.QuoteReason.name(e.reason()));
        sb.append(" v1=").append(e.value1()).append(" v2=").append(e.value2());
        sb.append(" cause=").append(e.causeSequence());
    }

    private void session(StringBuilder sb) {
        SessionStartEvent e = wrap(session);
        sb.append(" run=").append(e.runId());
        sb.append(" version=").append(e.engineVersion());
        sb.append(" mode=").append(e.mode());
    }

    private void intent(StringBuilder sb) {
        OrderIntentEvent e = wrap(intent);
        market(sb, e.marketId());
        sb.append(" cause=").append(e.causeSequence());
        sb.append(" group=").append(e.groupId());
        int legs = e.legCount();
        sb.append(" legs=").append(legs);
        for (int i = 0; i < legs; i++) {
            sb.append(" [").append(i).append(": ").append(OrderIntentEvent.actionName(e.legAction(i)));
            sb.append(" market=").append(e.legMarketId(i));
            sb.append(" side=").append(Codes.orderSide(e.legSide(i)));
            sb.append(" price=");
            Text.price(sb, e.legPrice(i));
            sb.append(" count=");
            Text.quantity(sb, e.legCount(i));
            sb.append(" tif=").append(OrderIntentEvent.tifName(e.legTimeInForce(i)));
            legFlags(sb, e.legFlags(i));
            if (e.legExpirationSeconds(i) != 0) {
                sb.append(" expires=").append(e.legExpirationSeconds(i)).append('s');
            }
            optionalId(sb, " coid=", e.legClientOrderId(i));
            optionalId(sb, " new_coid=", e.legUpdatedClientOrderId(i));
            optionalId(sb, " oid=", e.legOrderId(i));
            sb.append(']');
        }
    }

    private static void legFlags(StringBuilder sb, byte flags) {
        if ((flags & OrderIntentEvent.FLAG_POST_ONLY) != 0) {
            sb.append(" post_only");
        }
        if ((flags & OrderIntentEvent.FLAG_REDUCE_ONLY) != 0) {
            sb.append(" reduce_only");
        }
        if ((flags & OrderIntentEvent.FLAG_CANCEL_ON_PAUSE) != 0) {
            sb.append(" cancel_on_pause");
        }
        int unknown = flags & ~(OrderIntentEvent.FLAG_POST_ONLY | OrderIntentEvent.FLAG_REDUCE_ONLY
            | OrderIntentEvent.FLAG_CANCEL_ON_PAUSE);
        if (unknown != 0) {
            sb.append(" flags=0x").append(Integer.toHexString(unknown & 0xFF));
        }
    }

    private static void optionalId(StringBuilder sb, String label, String id) {
        if (!id.isEmpty()) {
            sb.append(label).append(id);
        }
    }
}
