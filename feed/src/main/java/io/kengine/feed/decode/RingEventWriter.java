package io.kengine.feed.decode;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.TickerEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;

/**
 * {@link DecodedFrame} → inbound ring events, with the protocol flyweights and no allocation.
 *
 * <p>Kept apart from decoding on purpose: between {@code decode} and {@code publish} the connection
 * layer checks {@code seq}, so a delta that follows a gap is never published. Everything that can
 * refuse a frame happens before the first {@code claim()}: a claimed slot is always published.
 *
 * <ul>
 *   <li>snapshot → {@link BookSnapshotEvent}s of at most {@link BookSnapshotEvent#MAX_LEVELS} levels,
 *       YES levels then NO levels, FIRST on the first chunk, LAST on the last (an empty book is one
 *       event with both flags);</li>
 *   <li>delta → {@link BookDeltaEvent}, {@code ownOrder} when Kalshi tagged it with a client order id;</li>
 *   <li>ticker → {@link TickerEvent}; trade → {@link TradeEvent};</li>
 *   <li>fill → {@link FillEvent} (a fill without {@code fee_cost}, legacy, carries fee 0);</li>
 *   <li>user_order → {@link OrderReplyEvent}: resting → ACCEPTED, canceled → CANCELED, executed →
 *       EXECUTED, pending → UNKNOWN (for reconciliation); {@code causeSequence} stays null: the
 *       gateway matches by client order id.</li>
 *   <li>market_lifecycle_v2 → {@link MarketLifecycleEvent} for created, activated, deactivated,
 *       close_date_updated, determined and settled (open/close times, result, settlement value;
 *       exchange time = {@code settled_ts}, else {@code determination_ts}); the types the event cannot
 *       express ({@code price_level_structure_updated}, {@code metadata_updated}, unknown ones) publish
 *       nothing and are counted ({@link DecodeCounters#lifecycleSkipped()}).</li>
 * </ul>
 * A frame whose ticker the resolver does not know publishes nothing and is counted as
 * {@link MalformedReason#UNKNOWN_MARKET}. Control, unknown and malformed frames publish nothing.
 */
public final class RingEventWriter {
    private final DecodeCounters counters;
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final TickerEvent ticker = new TickerEvent();
    private final TradeEvent trade = new TradeEvent();
    private final FillEvent fill = new FillEvent();
    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final MarketLifecycleEvent lifecycle = new MarketLifecycleEvent();

    public RingEventWriter(DecodeCounters counters) {
        this.counters = counters;
    }

    /** @return the number of events published (0 when the frame publishes nothing) */
    public int publish(DecodedFrame f, MarketIdResolver ids, EventPublisher out, int source) {
        FrameKind kind = f.kind;
        switch (kind) {
            case ORDERBOOK_SNAPSHOT:
            case ORDERBOOK_DELTA:
            case TICKER:
            case TRADE:
            case FILL:
            case USER_ORDER:
            case MARKET_LIFECYCLE:
                break;
            default:
                return 0;
        }
        FieldBytes t = f.marketTicker;
        int marketId = ids.marketId(t.array(), 0, t.length());
        if (marketId < 0) {
            counters.onUnknownMarket(f);
            return 0;
        }
        int n;
        switch (kind) {
            case ORDERBOOK_SNAPSHOT: n = snapshot(f, marketId, out, source); break;
            case ORDERBOOK_DELTA: n = delta(f, marketId, out, source); break;
            case TICKER: n = ticker(f, marketId, out, source); break;
            case TRADE: n = trade(f, marketId, out, source); break;
            case FILL: n = fill(f, marketId, out, source); break;
            case MARKET_LIFECYCLE: n = lifecycle(f, marketId, out, source); break;
            default: n = orderReply(f, marketId, out, source); break;
        }
        counters.onPublished(kind, n);
        return n;
    }

    private int snapshot(DecodedFrame f, int marketId, EventPublisher out, int source) {
        final int total = f.yesCount + f.noCount;
        final int max = BookSnapshotEvent.MAX_LEVELS;
        int level = 0;
        int events = 0;
        do {
            MutableDirectBuffer buffer = out.claim();
            BookSnapshotEvent e = snapshot.wrapForEncode(buffer, 0, marketId, source);
            e.subscriptionId(f.sid).exchangeSeq(f.seq);
            int chunkEnd = Math.min(total, level + max);
            byte flags = (byte) ((level == 0 ? BookSnapshotEvent.FLAG_FIRST : 0)
                    | (chunkEnd == total ? BookSnapshotEvent.FLAG_LAST : 0));
            e.flags(flags);
            for (; level < chunkEnd; level++) {
                if (level < f.yesCount) {
                    e.addYesLevel(f.yesPrices[level], f.yesQuantities[level]);
                } else {
                    int i = level - f.yesCount;
                    e.addNoLevel(f.noPrices[i], f.noQuantities[i]);
                }
            }
            out.publish();
            events++;
        } while (level < total);
        return events;
    }

    private int delta(DecodedFrame f, int marketId, EventPublisher out, int source) {
        delta.wrapForEncode(out.claim(), 0, marketId, source)
                .subscriptionId(f.sid).exchangeSeq(f.seq).price(f.price).delta(f.delta)
                .exchangeTimeMs(f.tsMs).side(f.bookSide).ownOrder(f.ownOrder);
        out.publish();
        return 1;
    }

    private int ticker(DecodedFrame f, int marketId, EventPublisher out, int source) {
        ticker.wrapForEncode(out.claim(), 0, marketId, source)
                .yesBid(f.yesBid).yesAsk(f.yesAsk).lastPrice(f.lastPrice).yesBidSize(f.yesBidSize)
                .yesAskSize(f.yesAskSize).volume(f.volume).openInterest(f.openInterest).exchangeTimeMs(f.tsMs);
        out.publish();
        return 1;
    }

    private int trade(DecodedFrame f, int marketId, EventPublisher out, int source) {
        trade.wrapForEncode(out.claim(), 0, marketId, source)
                .yesPrice(f.price).count(f.count).exchangeTimeMs(f.tsMs).takerSide(f.takerSide).tradeId(f.tradeId);
        out.publish();
        return 1;
    }

    private int fill(DecodedFrame f, int marketId, EventPublisher out, int source) {
        fill.wrapForEncode(out.claim(), 0, marketId, source)
                .price(f.price).count(f.count).fee(f.fee == DecodedFrame.ABSENT ? 0 : f.fee)
                .postPosition(f.postPosition).exchangeTimeMs(f.tsMs).side(f.orderSide).isTaker(f.taker)
                .tradeId(f.tradeId).orderId(f.orderId).clientOrderId(f.clientOrderId);
        out.publish();
        return 1;
    }

    private int orderReply(DecodedFrame f, int marketId, EventPublisher out, int source) {
        reply.wrapForEncode(out.claim(), 0, marketId, source)
                .replyType(replyType(f.status)).side(f.orderSide).price(f.price).remaining(f.remaining)
                .filled(f.filled).exchangeTimeMs(f.tsMs).clientOrderId(f.clientOrderId).orderId(f.orderId);
        out.publish();
        return 1;
    }

    private int lifecycle(DecodedFrame f, int marketId, EventPublisher out, int source) {
        byte kind = f.lifecycleType;
        if (kind < MarketLifecycleEvent.CREATED || kind > MarketLifecycleEvent.SETTLED) {
            counters.onLifecycleSkipped();
            return 0;
        }
        // ABSENT is the flyweight's NULL_LONG: absent fields stay null in the event
        lifecycle.wrapForEncode(out.claim(), 0, marketId, source)
                .kind(kind).result(f.result).openTimeMs(f.openTimeMs).closeTimeMs(f.closeTimeMs)
                .settlementValue(f.settlementValue)
                .exchangeTimeMs(f.settledTimeMs != DecodedFrame.ABSENT ? f.settledTimeMs : f.determinationTimeMs);
        out.publish();
        return 1;
    }

    private static byte replyType(byte status) {
        switch (status) {
            case DecodedFrame.STATUS_RESTING: return OrderReplyEvent.ACCEPTED;
            case DecodedFrame.STATUS_CANCELED: return OrderReplyEvent.CANCELED;
            case DecodedFrame.STATUS_EXECUTED: return OrderReplyEvent.EXECUTED;
            default: return OrderReplyEvent.UNKNOWN;
        }
    }
}
