package io.kengine.feed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.TickerEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.WsCodec;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Decoded frames become the right ring events, field for field. */
class RingEventWriterTest {
    private static final int FED = 7;
    private final DecodeCounters counters = new DecodeCounters();
    private final FrameDecoder decoder = new FrameDecoder(counters);
    private final RingEventWriter writer = new RingEventWriter(counters);
    private final ByteKeyMarketIds ids = new ByteKeyMarketIds();
    private final RecordingPublisher out = new RecordingPublisher(true);

    RingEventWriterTest() {
        ids.register("FED-23DEC-T3.00", FED);
        ids.register("HIGHNY-22DEC23-B53.5", 8);
        ids.register("KXBTCD-25AUG0517-T114999.99", 9);
    }

    private int publish(String json) {
        out.clear();
        return writer.publish(TestFrames.decode(decoder, json), ids, out, EventSource.FEED);
    }

    private static void header(UnsafeBuffer e, short type, int market) {
        Flyweight f = new TradeEvent().wrap(e, 0);
        assertEquals(type, f.type());
        assertEquals(market, f.marketId());
        assertEquals(EventSource.FEED, f.source());
    }

    @Test
    void snapshotIsOneEventWhenItFits() {
        assertEquals(1, publish(Fixtures.SNAPSHOT));
        UnsafeBuffer b = out.events.get(0);
        header(b, EventType.BOOK_SNAPSHOT, FED);
        BookSnapshotEvent e = (BookSnapshotEvent) new BookSnapshotEvent().wrap(b, 0);
        assertTrue(e.isFirst() && e.isLast());
        assertEquals(2, e.subscriptionId());
        assertEquals(2, e.exchangeSeq());
        assertEquals(2, e.yesCount());
        assertEquals(2, e.noCount());
        assertEquals(2_200, e.yesPrice(1));
        assertEquals(33_300, e.yesQuantity(1));
        assertEquals(5_400, e.noPrice(0));
        assertEquals(14_600, e.noQuantity(1));
    }

    @Test
    void emptySnapshotIsOneFirstAndLastEvent() {
        ids.register("T", 3);
        assertEquals(1, publish(Fixtures.EMPTY_SNAPSHOT));
        BookSnapshotEvent e = (BookSnapshotEvent) new BookSnapshotEvent().wrap(out.events.get(0), 0);
        assertTrue(e.isFirst() && e.isLast());
        assertEquals(0, e.yesCount() + e.noCount());
    }

    @Test
    void deepSnapshotIsChunkedYesBeforeNo() {
        int max = BookSnapshotEvent.MAX_LEVELS;
        for (int[] sides : new int[][] {{max, 0}, {max, 1}, {0, max + 1}, {DecodedFrame.MAX_LEVELS_PER_SIDE, DecodedFrame.MAX_LEVELS_PER_SIDE}, {7, 3}}) {
            List<PriceLevel> yes = new ArrayList<>();
            List<PriceLevel> no = new ArrayList<>();
            for (int i = 0; i < sides[0]; i++) {
                yes.add(new PriceLevel(1 + i, 100 + i));
            }
            for (int i = 0; i < sides[1]; i++) {
                no.add(new PriceLevel(9_999 - i, 5 + i));
            }
            int total = sides[0] + sides[1];
            int expected = Math.max(1, (total + max - 1) / max);
            assertEquals(expected, publish(WsCodec.toJson(new OrderbookSnapshot(4, 17, "FED-23DEC-T3.00", null, yes, no))));
            List<PriceLevel> gotYes = new ArrayList<>();
            List<PriceLevel> gotNo = new ArrayList<>();
            for (int c = 0; c < expected; c++) {
                BookSnapshotEvent e = (BookSnapshotEvent) new BookSnapshotEvent().wrap(out.events.get(c), 0);
                assertEquals(c == 0, e.isFirst());
                assertEquals(c == expected - 1, e.isLast());
                assertEquals(4, e.subscriptionId());
                assertEquals(17, e.exchangeSeq());
                assertEquals(FED, e.marketId());
                assertTrue(e.yesCount() + e.noCount() <= max);
                if (e.yesCount() > 0) {
                    assertTrue(gotNo.isEmpty(), "a YES level after a NO level");
                }
                for (int i = 0; i < e.yesCount(); i++) {
                    gotYes.add(new PriceLevel(e.yesPrice(i), e.yesQuantity(i)));
                }
                for (int i = 0; i < e.noCount(); i++) {
                    gotNo.add(new PriceLevel(e.noPrice(i), e.noQuantity(i)));
                }
            }
            assertEquals(yes, gotYes);
            assertEquals(no, gotNo);
        }
    }

    @Test
    void delta() {
        assertEquals(1, publish(Fixtures.DOC_DELTA));
        header(out.events.get(0), EventType.BOOK_DELTA, FED);
        BookDeltaEvent e = (BookDeltaEvent) new BookDeltaEvent().wrap(out.events.get(0), 0);
        assertEquals(2, e.subscriptionId());
        assertEquals(3, e.exchangeSeq());
        assertEquals(9_600, e.price());
        assertEquals(-5_400, e.delta());
        assertEquals(Codes.BOOK_YES, e.side());
        assertTrue(e.ownOrder());
        assertEquals(1_669_149_841_000L, e.exchangeTimeMs());
        assertEquals(1, publish(Fixtures.LEGACY_DELTA.replace(",\"client_order_id\":\"c1\"", "")));
        e = (BookDeltaEvent) new BookDeltaEvent().wrap(out.events.get(0), 0);
        assertFalse(e.ownOrder());
        assertEquals(Codes.BOOK_NO, e.side());
        assertEquals(Flyweight.NULL_LONG, e.exchangeTimeMs());
    }

    @Test
    void ticker() {
        assertEquals(1, publish(Fixtures.TICKER));
        header(out.events.get(0), EventType.TICKER, FED);
        TickerEvent e = (TickerEvent) new TickerEvent().wrap(out.events.get(0), 0);
        assertEquals(4_500, e.yesBid());
        assertEquals(5_300, e.yesAsk());
        assertEquals(4_800, e.lastPrice());
        assertEquals(30_000, e.yesBidSize());
        assertEquals(15_000, e.yesAskSize());
        assertEquals(3_389_600, e.volume());
        assertEquals(2_042_200, e.openInterest());
        assertEquals(1_669_149_841_000L, e.exchangeTimeMs());
        assertEquals(1, publish(Fixtures.LEGACY_TICKER));
        e = (TickerEvent) new TickerEvent().wrap(out.events.get(0), 0);
        assertEquals(Flyweight.NULL_LONG, e.yesBidSize(), "absent stays null");
    }

    @Test
    void trade() {
        assertEquals(1, publish(Fixtures.TRADE));
        header(out.events.get(0), EventType.TRADE, 8);
        TradeEvent e = (TradeEvent) new TradeEvent().wrap(out.events.get(0), 0);
        assertEquals(3_600, e.yesPrice());
        assertEquals(13_600, e.count());
        assertEquals(Codes.TAKER_NO, e.takerSide());
        assertEquals("d91bc706-ee49-470d-82d8-11418bda6fed", e.tradeId());
        assertEquals(1_669_149_841_000L, e.exchangeTimeMs());
    }

    @Test
    void fill() {
        assertEquals(1, publish(Fixtures.FILL_OUTCOME));
        header(out.events.get(0), EventType.FILL, 9);
        FillEvent e = (FillEvent) new FillEvent().wrap(out.events.get(0), 0);
        assertEquals(7_512, e.price());
        assertEquals(278, e.count());
        assertEquals(131, e.fee());
        assertEquals(-500, e.postPosition());
        assertEquals(Codes.ASK, e.side());
        assertFalse(e.isTaker());
        assertEquals("t-1", e.tradeId());
        assertEquals("o-1", e.orderId());
        assertEquals("my-order-1", e.clientOrderId());
        assertEquals(1_671_899_397_123L, e.exchangeTimeMs());
        assertEquals(1, publish(Fixtures.LEGACY_FILL));
        e = (FillEvent) new FillEvent().wrap(out.events.get(0), 0);
        assertEquals(0, e.fee(), "legacy fills carry no fee_cost");
        assertEquals(-50_000, e.postPosition());
        assertEquals(Codes.ASK, e.side());
        assertTrue(e.isTaker());
        assertEquals("", e.clientOrderId());
    }

    @Test
    void userOrderBecomesAnOrderReply() {
        assertEquals(1, publish(Fixtures.USER_ORDER));
        header(out.events.get(0), EventType.ORDER_REPLY, FED);
        OrderReplyEvent e = (OrderReplyEvent) new OrderReplyEvent().wrap(out.events.get(0), 0);
        assertEquals(OrderReplyEvent.ACCEPTED, e.replyType());
        assertEquals(Codes.BID, e.side());
        assertEquals(3_500, e.price());
        assertEquals(1_000, e.remaining());
        assertEquals(0, e.filled());
        assertEquals("my-order-1", e.clientOrderId());
        assertEquals("ee587a1c-8b87-4dcf-b721-9f6f790619fa", e.orderId());
        assertEquals(Flyweight.NULL_LONG, e.causeSequence());
        assertEquals(1_733_047_200_000L, e.exchangeTimeMs());
        String[][] statuses = {{"canceled", "" + OrderReplyEvent.CANCELED}, {"executed", "" + OrderReplyEvent.EXECUTED},
                {"pending", "" + OrderReplyEvent.UNKNOWN}};
        for (String[] s : statuses) {
            assertEquals(1, publish(Fixtures.LEGACY_USER_ORDER.replace("executed", s[0])));
            e = (OrderReplyEvent) new OrderReplyEvent().wrap(out.events.get(0), 0);
            assertEquals(Byte.parseByte(s[1]), e.replyType(), s[0]);
            assertEquals(Codes.ASK, e.side());
        }
    }

    private MarketLifecycleEvent lifecycle(String json) {
        assertEquals(1, publish(json), json);
        header(out.events.get(0), EventType.MARKET_LIFECYCLE, FED);
        return (MarketLifecycleEvent) new MarketLifecycleEvent().wrap(out.events.get(0), 0);
    }

    @Test
    void lifecycleEventsCarryTheirTimesResultAndValue() {
        MarketLifecycleEvent e = lifecycle(Fixtures.LIFECYCLE.replace("INXD-23SEP14-B4487", "FED-23DEC-T3.00"));
        assertEquals(MarketLifecycleEvent.CREATED, e.kind());
        assertEquals(1_694_635_200_000L, e.openTimeMs());
        assertEquals(1_694_721_600_000L, e.closeTimeMs());
        assertEquals(MarketLifecycleEvent.RESULT_NONE, e.result());
        assertEquals(Flyweight.NULL_LONG, e.settlementValue());
        assertEquals(Flyweight.NULL_LONG, e.exchangeTimeMs());

        assertEquals(MarketLifecycleEvent.DEACTIVATED, lifecycle(Fixtures.LIFECYCLE_DEACTIVATED).kind());
        assertEquals(MarketLifecycleEvent.ACTIVATED, lifecycle(Fixtures.LIFECYCLE_ACTIVATED).kind());
        e = lifecycle(Fixtures.LIFECYCLE_CLOSE_DATE);
        assertEquals(MarketLifecycleEvent.CLOSE_DATE_UPDATED, e.kind());
        assertEquals(1_702_591_200_000L, e.closeTimeMs());
        assertEquals(Flyweight.NULL_LONG, e.openTimeMs());

        e = lifecycle(Fixtures.LIFECYCLE_DETERMINED);
        assertEquals(MarketLifecycleEvent.DETERMINED, e.kind());
        assertEquals(MarketLifecycleEvent.RESULT_YES, e.result());
        assertEquals(10_000, e.settlementValue());
        assertEquals(1_702_594_800_000L, e.exchangeTimeMs(), "determination_ts");

        e = lifecycle(Fixtures.LIFECYCLE_SETTLED);
        assertEquals(MarketLifecycleEvent.SETTLED, e.kind());
        assertEquals(1_702_598_400_000L, e.exchangeTimeMs(), "settled_ts");
        assertEquals(Flyweight.NULL_LONG, e.settlementValue(), "the value comes with determined");

        e = lifecycle(Fixtures.LIFECYCLE_SCALAR.replace("\"T\"", "\"FED-23DEC-T3.00\""));
        assertEquals(MarketLifecycleEvent.RESULT_SCALAR, e.result());
        assertEquals(4_375, e.settlementValue());
        e = lifecycle(Fixtures.LIFECYCLE_DETERMINED.replace("\"yes\"", "\"no\"").replace("1.0000", "0"));
        assertEquals(MarketLifecycleEvent.RESULT_NO, e.result());
        assertEquals(0, e.settlementValue());
        assertEquals(8, counters.published(FrameKind.MARKET_LIFECYCLE));
    }

    @Test
    void lifecycleTypesWithoutAnEventKindAndOtherMarketsPublishNothing() {
        assertEquals(0, publish(Fixtures.LIFECYCLE_FUTURE));
        assertEquals(0, publish(Fixtures.LIFECYCLE_PRICE_LEVELS.replace("INXD-23SEP14-B4487", "FED-23DEC-T3.00")));
        assertEquals(0, publish(Fixtures.LIFECYCLE_METADATA.replace("KXBTC-25APR30-T0915-B95000", "FED-23DEC-T3.00")));
        assertEquals(0, out.claims);
        assertEquals(3, counters.lifecycleSkipped());
        assertEquals(0, publish(Fixtures.LIFECYCLE), "INXD-… is not registered");
        assertEquals(0, out.claims);
        assertEquals(1, counters.dropped(MalformedReason.UNKNOWN_MARKET));
        assertEquals(3, counters.lifecycleSkipped(), "an unknown market is not also a skipped type");
    }

    @Test
    void controlUnknownAndMalformedPublishNothing() {
        List<String> none = new ArrayList<>(Fixtures.control());
        none.addAll(Fixtures.unknown());
        none.add("{\"type\":\"ticker\"");
        for (String json : none) {
            assertEquals(0, publish(json), json);
            assertEquals(0, out.claims);
        }
    }

    @Test
    void publishedEventsAreCountedByKind() {
        publish(Fixtures.SNAPSHOT);
        publish(Fixtures.DELTA);
        publish(Fixtures.DELTA);
        assertEquals(1, counters.published(FrameKind.ORDERBOOK_SNAPSHOT));
        assertEquals(2, counters.published(FrameKind.ORDERBOOK_DELTA));
    }
}
