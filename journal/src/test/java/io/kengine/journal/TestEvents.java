package io.kengine.journal;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.event.FillEvent;
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
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/** Hand-built events of every type, encoded with the protocol flyweights. */
final class TestEvents {
    /** 2026-11-21T10:00:00Z in epoch ns. */
    static final long T0 = 1_795_255_200_000_000_000L;
    static final long T0_MS = T0 / 1_000_000L;
    static final int MARKET = 3;

    private TestEvents() {
    }

    static UnsafeBuffer buffer() {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    }

    /** A copy of the first {@code length} bytes: one event as an independent byte array. */
    static byte[] bytes(UnsafeBuffer b) {
        byte[] out = new byte[EventHeader.length(b, 0)];
        b.getBytes(0, out);
        return out;
    }

    static void stamp(UnsafeBuffer b, long sequence, long timestampNanos) {
        EventHeader.sequence(b, 0, sequence);
        EventHeader.timestampNanos(b, 0, timestampNanos);
    }

    static int sessionStart(UnsafeBuffer b, long runId) {
        return new SessionStartEvent().wrapForEncode(b, 0, EventSource.ENGINE).runId(runId)
            .engineVersion("0.1.0-test").mode("paper").length();
    }

    static int config(UnsafeBuffer b, String key, String value) {
        return new ConfigChangeEvent().wrapForEncode(b, 0, EventSource.ENGINE).revision(1).key(key).value(value).length();
    }

    static int marketDefinition(UnsafeBuffer b, int market) {
        return new MarketDefinitionEvent().wrapForEncode(b, 0, market, EventSource.REST_POLLER)
            .ticker("KXTEST-26NOV21-B" + market).eventTicker("KXTEST-26NOV21").seriesTicker("KXTEST")
            .openTimeMs(T0_MS - 3_600_000).closeTimeMs(T0_MS + 3_600_000).status(Codes.STATUS_OPEN)
            .fractionalTrading(true).addPriceRange(0, 1000, 10).addPriceRange(1000, 9000, 100)
            .addPriceRange(9000, 10000, 10).length();
    }

    static int snapshot(UnsafeBuffer b, int market) {
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(b, 0, market, EventSource.FEED)
            .subscriptionId(1).exchangeSeq(1).flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
        e.addYesLevel(5500, 1000).addYesLevel(5400, 250).addNoLevel(4300, 500);
        return e.length();
    }

    static int delta(UnsafeBuffer b, int market, long price, long delta, long exchangeSeq) {
        return new BookDeltaEvent().wrapForEncode(b, 0, market, EventSource.FEED).subscriptionId(1)
            .exchangeSeq(exchangeSeq).price(price).delta(delta).side(Codes.BOOK_YES).exchangeTimeMs(T0_MS).length();
    }

    static int trade(UnsafeBuffer b, int market, long i) {
        return new TradeEvent().wrapForEncode(b, 0, market, EventSource.FEED).yesPrice(5600).count(300)
            .exchangeTimeMs(T0_MS).takerSide(Codes.TAKER_NO).tradeId("trade-" + i).length();
    }

    static int ticker(UnsafeBuffer b, int market) {
        return new TickerEvent().wrapForEncode(b, 0, market, EventSource.FEED).yesBid(5500).yesAsk(5700)
            .yesBidSize(1000).yesAskSize(200).volume(123400).exchangeTimeMs(T0_MS).length();
    }

    static int reply(UnsafeBuffer b, int market) {
        return new OrderReplyEvent().wrapForEncode(b, 0, market, EventSource.GATEWAY).replyType(OrderReplyEvent.REJECTED)
            .side(Codes.BID).httpStatus((short) 400).price(5600).remaining(0).filled(0).causeSequence(4)
            .clientOrderId("r7-4").orderId("").reason("post only cross").exchangeTimeMs(T0_MS).length();
    }

    static int fill(UnsafeBuffer b, int market) {
        return new FillEvent().wrapForEncode(b, 0, market, EventSource.FEED).price(5600).count(150).fee(-12)
            .postPosition(-150).exchangeTimeMs(T0_MS).side(Codes.ASK).isTaker(false).tradeId("t-9")
            .orderId("o-1").clientOrderId("r7-2").length();
    }

    static int lifecycle(UnsafeBuffer b, int market) {
        return new MarketLifecycleEvent().wrapForEncode(b, 0, market, EventSource.FEED)
            .kind(MarketLifecycleEvent.DETERMINED).result(MarketLifecycleEvent.RESULT_YES)
            .settlementValue(10000).exchangeTimeMs(T0_MS).length();
    }

    static int fairValue(UnsafeBuffer b, int market) {
        return new FairValueEvent().wrapForEncode(b, 0, market, EventSource.FAIR_VALUE).fairPrice(5650)
            .expiresAtNanos(T0 + 60_000_000_000L).confidenceBps(8000).sourceKind(FairValueEvent.SOURCE_MODEL)
            .sourceName("elo").length();
    }

    static int timer(UnsafeBuffer b, int id, long scheduledAt) {
        return new TimerEvent().wrapForEncode(b, 0, EventSource.TIMER).timerId(id).scheduledAtNanos(scheduledAt).length();
    }

    static int command(UnsafeBuffer b) {
        return new OperatorCommandEvent().wrapForEncode(b, 0, EventHeader.NO_MARKET, EventSource.OPERATOR)
            .command(OperatorCommandEvent.HALT).reason("manual halt").length();
    }

    /** A three-leg intent: create, amend and cancel. */
    static int intent(UnsafeBuffer b, int market, long causeSequence, long causeTimestamp) {
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(b, 0, market, causeSequence, causeTimestamp).groupId(9);
        UnsafeBuffer id = new UnsafeBuffer(new byte[16]);
        int n = id.putStringWithoutLengthAscii(0, "r7-10");
        e.addLeg(OrderIntentEvent.CREATE, market, Codes.BID, 5500, 1000, OrderIntentEvent.TIF_GTC,
            OrderIntentEvent.FLAG_POST_ONLY, id, 0, n);
        n = id.putStringWithoutLengthAscii(0, "r7-11");
        int amend = e.addLeg(OrderIntentEvent.AMEND, market, Codes.ASK, 5800, 500, OrderIntentEvent.TIF_GTC,
            (byte) 0, id, 0, n);
        e.legOrderId(amend, "o-77");
        n = id.putStringWithoutLengthAscii(0, "r7-12");
        e.legUpdatedClientOrderId(amend, id, 0, n);
        int cancel = e.addLeg(OrderIntentEvent.CANCEL, market, Codes.BID, 0, 0, OrderIntentEvent.TIF_GTC, (byte) 0, id, 0, 0);
        e.legOrderId(cancel, "o-78");
        return e.length();
    }

    /** One event of every inbound type and an intent, sequences 0.. and timestamps T0 + i µs. */
    static List<byte[]> mixed(int rounds) {
        List<byte[]> events = new ArrayList<>();
        UnsafeBuffer b = buffer();
        long seq = 0;
        for (int r = 0; r < rounds; r++) {
            for (int kind = 0; kind < 14; kind++) {
                switch (kind) {
                    case 0: sessionStart(b, 7 + r); break;
                    case 1: config(b, "test.size", "10.00"); break;
                    case 2: marketDefinition(b, MARKET); break;
                    case 3: snapshot(b, MARKET); break;
                    case 4: delta(b, MARKET, 5600, -1200, 77); break;
                    case 5: trade(b, MARKET, seq); break;
                    case 6: ticker(b, MARKET); break;
                    case 7: reply(b, MARKET); break;
                    case 8: fill(b, MARKET); break;
                    case 9: lifecycle(b, MARKET); break;
                    case 10: fairValue(b, MARKET); break;
                    case 11: timer(b, 2, T0 + seq); break;
                    case 12: command(b); break;
                    default: intent(b, MARKET, seq - 1, T0 + seq * 1000); break;
                }
                stamp(b, seq, T0 + seq * 1000);
                seq++;
                events.add(bytes(b));
            }
        }
        return events;
    }
}
