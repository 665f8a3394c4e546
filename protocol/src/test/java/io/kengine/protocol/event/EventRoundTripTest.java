package io.kengine.protocol.event;

import io.kengine.protocol.stage.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.kengine.protocol.event.EventAssertions.assertWellFormed;
import static io.kengine.protocol.event.EventAssertions.dirtySlot;
import static io.kengine.protocol.event.EventAssertions.rawAscii;
import static io.kengine.protocol.event.EventAssertions.rawInt;
import static io.kengine.protocol.event.EventAssertions.rawLong;
import static io.kengine.protocol.event.EventAssertions.rawShort;
import static io.kengine.protocol.event.Flyweight.NULL_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type: encode every field into a dirty ring slot, read it back through a fresh
 * flyweight, check validate() and the expected length, and pin each field's byte offset with a raw
 * read (the offsets are the journal format; see protocol/README.md).
 */
class EventRoundTripTest {

    private static void stamp(EventSlot slot, long sequence, long nanos) {
        EventHeader.sequence(slot.event(), 0, sequence);
        EventHeader.timestampNanos(slot.event(), 0, nanos);
    }

    private static void assertHeader(EventSlot slot, short type, int marketId, int source, long sequence, long nanos) {
        UnsafeBuffer b = slot.event();
        assertEquals(type, slot.type());
        assertEquals(marketId, slot.marketId());
        assertEquals(sequence, slot.sequence());
        assertEquals(nanos, slot.timestampNanos());
        assertEquals(source, EventHeader.source(b, 0));
        assertEquals(slot.length(), rawInt(b, 0));
        assertEquals(type, rawShort(b, 4));
        assertEquals(EventHeader.SCHEMA_VERSION, b.getByte(6));
        assertEquals(sequence, rawLong(b, 8));
        assertEquals(nanos, rawLong(b, 16));
        assertEquals(marketId, rawInt(b, 24));
        assertEquals(source, rawInt(b, 28));
    }

    @Test
    void marketDefinition() {
        EventSlot slot = dirtySlot();
        MarketDefinitionEvent e = new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, 42, EventSource.FEED);
        assertEquals(0, e.priceRangeCount());
        assertFalse(e.fractionalTrading());
        e.openTimeMs(1_700_000_000_000L).closeTimeMs(1_700_086_400_000L).status(Codes.STATUS_OPEN).fractionalTrading(true)
            .ticker("KXHIGHNY-26JAN15-T50").eventTicker("KXHIGHNY-26JAN15").seriesTicker("KXHIGHNY")
            .addPriceRange(0, 1_000, 10).addPriceRange(1_000, 9_000, 100).addPriceRange(9_000, 10_000, 10);
        stamp(slot, 11, 123_456_789L);

        MarketDefinitionEvent r = new MarketDefinitionEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.MARKET_DEFINITION, MarketDefinitionEvent.LENGTH);
        assertHeader(slot, EventType.MARKET_DEFINITION, 42, EventSource.FEED, 11, 123_456_789L);
        assertEquals(1_700_000_000_000L, r.openTimeMs());
        assertEquals(1_700_086_400_000L, r.closeTimeMs());
        assertEquals(Codes.STATUS_OPEN, r.status());
        assertTrue(r.fractionalTrading());
        assertEquals("KXHIGHNY-26JAN15-T50", r.ticker());
        assertTrue(r.tickerEquals("KXHIGHNY-26JAN15-T50"));
        assertFalse(r.tickerEquals("KXHIGHNY-26JAN15-T5"));
        assertEquals("KXHIGHNY-26JAN15", r.eventTicker());
        assertEquals("KXHIGHNY", r.seriesTicker());
        assertEquals(3, r.priceRangeCount());
        assertEquals(1_000, r.rangeStart(1));
        assertEquals(9_000, r.rangeEnd(1));
        assertEquals(100, r.rangeStep(1));
        assertEquals(10, r.rangeStep(2));
        assertThrows(IndexOutOfBoundsException.class, () -> r.rangeStart(3));
        assertThrows(IndexOutOfBoundsException.class, () -> r.rangeStep(-1));

        UnsafeBuffer b = slot.event();
        assertEquals(632, MarketDefinitionEvent.LENGTH);
        assertEquals(1_700_000_000_000L, rawLong(b, 32));
        assertEquals(1_700_086_400_000L, rawLong(b, 40));
        assertEquals(Codes.STATUS_OPEN, b.getByte(48));
        assertEquals(1, b.getByte(49));
        assertEquals(3, b.getByte(50));
        assertEquals("KXHIGHNY-26JAN15-T50", rawAscii(b, 56));
        assertEquals("KXHIGHNY-26JAN15", rawAscii(b, 120));
        assertEquals("KXHIGHNY", rawAscii(b, 184));
        assertEquals(0, rawLong(b, 248));
        assertEquals(1_000, rawLong(b, 256));
        assertEquals(10, rawLong(b, 264));
        assertEquals(1_000, rawLong(b, 272));
        assertEquals(10, rawLong(b, 248 + 2 * 24 + 16));
        assertEquals(0, rawLong(b, 248 + 3 * 24), "unused ranges are zero");
    }

    @Test
    void marketDefinitionRejectsBadRanges() {
        EventSlot slot = dirtySlot();
        MarketDefinitionEvent e = new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED);
        assertThrows(IllegalArgumentException.class, () -> e.addPriceRange(0, 10_000, 300));  // step does not divide
        assertThrows(IllegalArgumentException.class, () -> e.addPriceRange(0, 10_000, 0));
        assertThrows(IllegalArgumentException.class, () -> e.addPriceRange(-100, 10_000, 100));
        assertThrows(IllegalArgumentException.class, () -> e.addPriceRange(500, 500, 100));
        e.addPriceRange(0, 1_000, 10);
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class, () -> e.addPriceRange(1_100, 9_000, 100));
        assertTrue(gap.getMessage().contains("does not continue"), gap.getMessage());
        assertEquals(1, e.priceRangeCount());
        for (int i = 1; i < MarketDefinitionEvent.MAX_PRICE_RANGES; i++) {
            e.addPriceRange(1_000 + (i - 1) * 100L, 1_000 + i * 100L, 100);
        }
        assertEquals(MarketDefinitionEvent.MAX_PRICE_RANGES, e.priceRangeCount());
        assertThrows(IllegalArgumentException.class, () -> e.addPriceRange(2_500, 2_600, 100));
        assertWellFormed(slot.event(), 0, EventType.MARKET_DEFINITION, MarketDefinitionEvent.LENGTH);
    }

    @Test
    void bookDelta() {
        EventSlot slot = dirtySlot();
        BookDeltaEvent e = new BookDeltaEvent().wrapForEncode(slot.event(), 0, 3, EventSource.FEED);
        assertFalse(e.ownOrder());
        e.subscriptionId(2).exchangeSeq(3_000_000_001L).price(9_600).delta(-5_400).exchangeTimeMs(1_700_000_000_123L)
            .side(Codes.BOOK_NO).ownOrder(true);
        stamp(slot, 5, 6);

        BookDeltaEvent r = new BookDeltaEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.BOOK_DELTA, BookDeltaEvent.LENGTH);
        assertHeader(slot, EventType.BOOK_DELTA, 3, EventSource.FEED, 5, 6);
        assertEquals(2, r.subscriptionId());
        assertEquals(3_000_000_001L, r.exchangeSeq());
        assertEquals(9_600, r.price());
        assertEquals(-5_400, r.delta());
        assertEquals(1_700_000_000_123L, r.exchangeTimeMs());
        assertEquals(Codes.BOOK_NO, r.side());
        assertTrue(r.ownOrder());

        UnsafeBuffer b = slot.event();
        assertEquals(80, BookDeltaEvent.LENGTH);
        assertEquals(2, rawLong(b, 32));
        assertEquals(3_000_000_001L, rawLong(b, 40));
        assertEquals(9_600, rawLong(b, 48));
        assertEquals(-5_400, rawLong(b, 56));
        assertEquals(1_700_000_000_123L, rawLong(b, 64));
        assertEquals(Codes.BOOK_NO, b.getByte(72));
        assertEquals(1, b.getByte(73));
        assertEquals(0, b.getByte(79), "padding is zeroed");
    }

    @Test
    void trade() {
        EventSlot slot = dirtySlot();
        TradeEvent e = new TradeEvent().wrapForEncode(slot.event(), 0, 9, EventSource.FEED);
        e.yesPrice(3_600).count(1_250).exchangeTimeMs(77).takerSide(Codes.TAKER_YES).tradeId("d91bc706-ee49-470d-82d8-11418bda6fed");
        stamp(slot, 1, 2);

        TradeEvent r = new TradeEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.TRADE, TradeEvent.LENGTH);
        assertHeader(slot, EventType.TRADE, 9, EventSource.FEED, 1, 2);
        assertEquals(3_600, r.yesPrice());
        assertEquals(1_250, r.count());
        assertEquals(77, r.exchangeTimeMs());
        assertEquals(Codes.TAKER_YES, r.takerSide());
        assertEquals("d91bc706-ee49-470d-82d8-11418bda6fed", r.tradeId());

        UnsafeBuffer b = slot.event();
        assertEquals(104, TradeEvent.LENGTH);
        assertEquals(3_600, rawLong(b, 32));
        assertEquals(1_250, rawLong(b, 40));
        assertEquals(77, rawLong(b, 48));
        assertEquals(Codes.TAKER_YES, b.getByte(56));
        assertEquals("d91bc706-ee49-470d-82d8-11418bda6fed", rawAscii(b, 64));
    }

    @Test
    void ticker() {
        EventSlot slot = dirtySlot();
        TickerEvent e = new TickerEvent().wrapForEncode(slot.event(), 0, 4, EventSource.FEED);
        // Absent fields read as NULL_LONG, whatever the slot held before.
        assertEquals(NULL_LONG, e.yesBid());
        assertEquals(NULL_LONG, e.exchangeTimeMs());
        e.yesBid(5_500).yesAsk(5_700).lastPrice(5_600).yesBidSize(1_000).yesAskSize(2_000).volume(123_400)
            .openInterest(99_900);
        stamp(slot, 8, 9);

        TickerEvent r = new TickerEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.TICKER, TickerEvent.LENGTH);
        assertHeader(slot, EventType.TICKER, 4, EventSource.FEED, 8, 9);
        assertEquals(5_500, r.yesBid());
        assertEquals(5_700, r.yesAsk());
        assertEquals(5_600, r.lastPrice());
        assertEquals(1_000, r.yesBidSize());
        assertEquals(2_000, r.yesAskSize());
        assertEquals(123_400, r.volume());
        assertEquals(99_900, r.openInterest());
        assertEquals(NULL_LONG, r.exchangeTimeMs());
        r.exchangeTimeMs(1_234L);

        UnsafeBuffer b = slot.event();
        assertEquals(96, TickerEvent.LENGTH);
        long[] expected = {5_500, 5_700, 5_600, 1_000, 2_000, 123_400, 99_900, 1_234L};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rawLong(b, 32 + 8 * i), "field at " + (32 + 8 * i));
        }
    }

    @Test
    void orderReply() {
        EventSlot slot = dirtySlot();
        OrderReplyEvent e = new OrderReplyEvent().wrapForEncode(slot.event(), 0, 12, EventSource.GATEWAY);
        assertEquals(NULL_LONG, e.causeSequence());
        e.replyType(OrderReplyEvent.REJECTED).side(Codes.ASK).httpStatus((short) 409).price(4_400).remaining(300).filled(700)
            .exchangeTimeMs(55).causeSequence(1_001).clientOrderId("run7-000123").orderId("ee0a4c53-0cc9-4bd2-8a4b-3e8e1c0d1f2a")
            .reason("insufficient_balance");
        stamp(slot, 13, 14);

        OrderReplyEvent r = new OrderReplyEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.ORDER_REPLY, OrderReplyEvent.LENGTH);
        assertHeader(slot, EventType.ORDER_REPLY, 12, EventSource.GATEWAY, 13, 14);
        assertEquals(OrderReplyEvent.REJECTED, r.replyType());
        assertEquals(Codes.ASK, r.side());
        assertEquals(409, r.httpStatus());
        assertEquals(4_400, r.price());
        assertEquals(300, r.remaining());
        assertEquals(700, r.filled());
        assertEquals(55, r.exchangeTimeMs());
        assertEquals(1_001, r.causeSequence());
        assertEquals("run7-000123", r.clientOrderId());
        assertTrue(r.clientOrderIdEquals("run7-000123"));
        assertEquals("ee0a4c53-0cc9-4bd2-8a4b-3e8e1c0d1f2a", r.orderId());
        assertEquals("insufficient_balance", r.reason());
        assertEquals("rejected", OrderReplyEvent.typeName(r.replyType()));

        UnsafeBuffer b = slot.event();
        assertEquals(256, OrderReplyEvent.LENGTH);
        assertEquals(4_400, rawLong(b, 32));
        assertEquals(300, rawLong(b, 40));
        assertEquals(700, rawLong(b, 48));
        assertEquals(55, rawLong(b, 56));
        assertEquals(1_001, rawLong(b, 64));
        assertEquals(OrderReplyEvent.REJECTED, b.getByte(72));
        assertEquals(Codes.ASK, b.getByte(73));
        assertEquals(409, rawShort(b, 74));
        assertEquals("run7-000123", rawAscii(b, 80));
        assertEquals("ee0a4c53-0cc9-4bd2-8a4b-3e8e1c0d1f2a", rawAscii(b, 120));
        assertEquals("insufficient_balance", rawAscii(b, 160));

        // The reason is the one text cut to fit rather than rejected.
        String longReason = "x".repeat(300);
        r.reason(longReason);
        assertEquals(OrderReplyEvent.REASON_CAPACITY - 1, r.reason().length());
        assertWellFormed(slot.event(), 0, EventType.ORDER_REPLY, OrderReplyEvent.LENGTH);
    }

    @Test
    void fillAtAnOffsetInsideALargerBuffer() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[4096]);
        b.setMemory(0, 4096, (byte) 0x33);
        int at = 1_000; // after some other record, 8-aligned
        FillEvent e = new FillEvent().wrapForEncode(b, at, 21, EventSource.FEED);
        assertEquals(NULL_LONG, e.postPosition());
        assertFalse(e.isTaker());
        e.price(6_100).count(250).fee(1_750).postPosition(-1_250).exchangeTimeMs(999).side(Codes.BID).isTaker(true)
            .tradeId("t-1").orderId("o-1").clientOrderId("c-1");

        FillEvent r = new FillEvent();
        r.wrap(b, at);
        assertWellFormed(b, at, EventType.FILL, FillEvent.LENGTH);
        assertEquals(21, r.marketId());
        assertEquals(EventSource.FEED, r.source());
        assertEquals(EventType.FILL, r.type());
        assertEquals(FillEvent.LENGTH, r.length());
        assertEquals(6_100, r.price());
        assertEquals(250, r.count());
        assertEquals(1_750, r.fee());
        assertEquals(-1_250, r.postPosition());
        assertEquals(999, r.exchangeTimeMs());
        assertEquals(Codes.BID, r.side());
        assertTrue(r.isTaker());
        assertEquals("t-1", r.tradeId());
        assertEquals("o-1", r.orderId());
        assertEquals("c-1", r.clientOrderId());
        assertEquals(0x33, b.getByte(at - 1), "nothing written before the event");
        assertEquals(0x33, b.getByte(at + FillEvent.LENGTH), "nothing written after the event");

        assertEquals(200, FillEvent.LENGTH);
        assertEquals(6_100, rawLong(b, at + 32));
        assertEquals(250, rawLong(b, at + 40));
        assertEquals(1_750, rawLong(b, at + 48));
        assertEquals(-1_250, rawLong(b, at + 56));
        assertEquals(999, rawLong(b, at + 64));
        assertEquals(Codes.BID, b.getByte(at + 72));
        assertEquals(1, b.getByte(at + 73));
        assertEquals("t-1", rawAscii(b, at + 80));
        assertEquals("o-1", rawAscii(b, at + 120));
        assertEquals("c-1", rawAscii(b, at + 160));
    }

    @Test
    void marketLifecycle() {
        EventSlot slot = dirtySlot();
        MarketLifecycleEvent e = new MarketLifecycleEvent().wrapForEncode(slot.event(), 0, 5, EventSource.FEED);
        assertEquals(NULL_LONG, e.openTimeMs());
        assertEquals(NULL_LONG, e.closeTimeMs());
        assertEquals(NULL_LONG, e.settlementValue());
        assertEquals(NULL_LONG, e.exchangeTimeMs());
        assertEquals(MarketLifecycleEvent.RESULT_NONE, e.result());
        e.kind(MarketLifecycleEvent.SETTLED).result(MarketLifecycleEvent.RESULT_YES).settlementValue(10_000).exchangeTimeMs(3);
        stamp(slot, 2, 3);

        MarketLifecycleEvent r = new MarketLifecycleEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.MARKET_LIFECYCLE, MarketLifecycleEvent.LENGTH);
        assertHeader(slot, EventType.MARKET_LIFECYCLE, 5, EventSource.FEED, 2, 3);
        assertEquals(MarketLifecycleEvent.SETTLED, r.kind());
        assertEquals(MarketLifecycleEvent.RESULT_YES, r.result());
        assertEquals(10_000, r.settlementValue());
        assertEquals(3, r.exchangeTimeMs());
        assertEquals(NULL_LONG, r.openTimeMs());
        r.openTimeMs(10).closeTimeMs(20);
        assertEquals("settled", MarketLifecycleEvent.kindName(r.kind()));

        UnsafeBuffer b = slot.event();
        assertEquals(72, MarketLifecycleEvent.LENGTH);
        assertEquals(10, rawLong(b, 32));
        assertEquals(20, rawLong(b, 40));
        assertEquals(10_000, rawLong(b, 48));
        assertEquals(3, rawLong(b, 56));
        assertEquals(MarketLifecycleEvent.SETTLED, b.getByte(64));
        assertEquals(MarketLifecycleEvent.RESULT_YES, b.getByte(65));
    }

    @Test
    void fairValue() {
        EventSlot slot = dirtySlot();
        FairValueEvent e = new FairValueEvent().wrapForEncode(slot.event(), 0, 6, EventSource.FAIR_VALUE);
        e.fairPrice(6_250).expiresAtNanos(5_000_000_000L).confidenceBps(8_000).sourceKind(FairValueEvent.SOURCE_SPORTSBOOK)
            .sourceName("consensus-3books");
        assertThrows(IllegalArgumentException.class, () -> e.confidenceBps(10_001));
        assertThrows(IllegalArgumentException.class, () -> e.confidenceBps(-1));
        stamp(slot, 4, 4);

        FairValueEvent r = new FairValueEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.FAIR_VALUE, FairValueEvent.LENGTH);
        assertHeader(slot, EventType.FAIR_VALUE, 6, EventSource.FAIR_VALUE, 4, 4);
        assertEquals(6_250, r.fairPrice());
        assertEquals(5_000_000_000L, r.expiresAtNanos());
        assertEquals(8_000, r.confidenceBps());
        assertEquals(FairValueEvent.SOURCE_SPORTSBOOK, r.sourceKind());
        assertEquals("consensus-3books", r.sourceName());

        UnsafeBuffer b = slot.event();
        assertEquals(88, FairValueEvent.LENGTH);
        assertEquals(6_250, rawLong(b, 32));
        assertEquals(5_000_000_000L, rawLong(b, 40));
        assertEquals(8_000, rawInt(b, 48));
        assertEquals(FairValueEvent.SOURCE_SPORTSBOOK, b.getByte(52));
        assertEquals("consensus-3books", rawAscii(b, 56));
    }

    @Test
    void timer() {
        EventSlot slot = dirtySlot();
        TimerEvent e = new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        e.scheduledAtNanos(123).timerId(7);
        stamp(slot, 30, 124);

        TimerEvent r = new TimerEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.TIMER, TimerEvent.LENGTH);
        assertHeader(slot, EventType.TIMER, EventHeader.NO_MARKET, EventSource.TIMER, 30, 124);
        assertEquals(123, r.scheduledAtNanos());
        assertEquals(7, r.timerId());

        assertEquals(48, TimerEvent.LENGTH);
        assertEquals(123, rawLong(slot.event(), 32));
        assertEquals(7, rawInt(slot.event(), 40));
    }

    @Test
    void configChange() {
        EventSlot slot = dirtySlot();
        ConfigChangeEvent e = new ConfigChangeEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE);
        e.revision(3).key("pricing.m0.edge").value("0.0200");
        stamp(slot, 1, 1);

        ConfigChangeEvent r = new ConfigChangeEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.CONFIG_CHANGE, ConfigChangeEvent.LENGTH);
        assertHeader(slot, EventType.CONFIG_CHANGE, EventHeader.NO_MARKET, EventSource.ENGINE, 1, 1);
        assertEquals(3, r.revision());
        assertEquals("pricing.m0.edge", r.key());
        assertTrue(r.keyEquals("pricing.m0.edge"));
        assertFalse(r.keyEquals("pricing.m0.edgeX"));
        assertEquals("0.0200", r.value());

        // The longest value that fits: capacity - 1 (one byte is the length).
        String longest = "v".repeat(ConfigChangeEvent.VALUE_CAPACITY - 1);
        r.value(longest);
        assertEquals(longest, r.value());
        assertThrows(IllegalArgumentException.class, () -> r.value(longest + "v"));

        UnsafeBuffer b = slot.event();
        assertEquals(424, ConfigChangeEvent.LENGTH);
        assertEquals(3, rawLong(b, 32));
        assertEquals("pricing.m0.edge", rawAscii(b, 40));
        assertEquals(longest, rawAscii(b, 168));
    }

    @Test
    void operatorCommand() {
        EventSlot slot = dirtySlot();
        OperatorCommandEvent e = new OperatorCommandEvent().wrapForEncode(slot.event(), 0, EventHeader.NO_MARKET, EventSource.OPERATOR);
        e.command(OperatorCommandEvent.HALT).reason("manual halt: news");
        stamp(slot, 77, 78);

        OperatorCommandEvent r = new OperatorCommandEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.OPERATOR_COMMAND, OperatorCommandEvent.LENGTH);
        assertHeader(slot, EventType.OPERATOR_COMMAND, EventHeader.NO_MARKET, EventSource.OPERATOR, 77, 78);
        assertEquals(OperatorCommandEvent.HALT, r.command());
        assertEquals("manual halt: news", r.reason());
        assertEquals("halt", OperatorCommandEvent.commandName(r.command()));

        assertEquals(136, OperatorCommandEvent.LENGTH);
        assertEquals(OperatorCommandEvent.HALT, slot.event().getByte(32));
        assertEquals("manual halt: news", rawAscii(slot.event(), 40));
    }

    @Test
    void sessionStart() {
        EventSlot slot = dirtySlot();
        SessionStartEvent e = new SessionStartEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE);
        e.runId(0x1234_5678_9ABCL).engineVersion("0.1.0-SNAPSHOT").mode("paper");
        stamp(slot, 0, 1);

        SessionStartEvent r = new SessionStartEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.SESSION_START, SessionStartEvent.LENGTH);
        assertHeader(slot, EventType.SESSION_START, EventHeader.NO_MARKET, EventSource.ENGINE, 0, 1);
        assertEquals(0x1234_5678_9ABCL, r.runId());
        assertEquals("0.1.0-SNAPSHOT", r.engineVersion());
        assertEquals("paper", r.mode());

        assertEquals(104, SessionStartEvent.LENGTH);
        assertEquals(0x1234_5678_9ABCL, rawLong(slot.event(), 32));
        assertEquals("0.1.0-SNAPSHOT", rawAscii(slot.event(), 40));
        assertEquals("paper", rawAscii(slot.event(), 72));
    }

    @Test
    void everyTypeIsKnownNamedAndFitsASlot() {
        short[] all = {EventType.MARKET_DEFINITION, EventType.BOOK_SNAPSHOT, EventType.BOOK_DELTA, EventType.TRADE,
            EventType.TICKER, EventType.ORDER_REPLY, EventType.FILL, EventType.MARKET_LIFECYCLE, EventType.FAIR_VALUE,
            EventType.TIMER, EventType.CONFIG_CHANGE, EventType.OPERATOR_COMMAND, EventType.SESSION_START,
            EventType.ORDER_INTENT, EventType.DECISION};
        // Codes are the journal format: pin them.
        short[] codes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 21};
        for (int i = 0; i < all.length; i++) {
            short t = all[i];
            assertEquals(codes[i], t);
            assertTrue(EventType.isKnown(t));
            assertFalse(EventType.name(t).startsWith("Unknown"));
            int base = EventType.baseLength(t);
            assertTrue(base >= EventHeader.LENGTH && base <= EventHeader.MAX_EVENT_LENGTH, EventType.name(t));
            assertEquals(0, base % 8, EventType.name(t) + " base length " + base);
            assertEquals(t != EventType.ORDER_INTENT && t != EventType.DECISION, EventType.isInbound(t));
        }
        for (short t : new short[] {0, -1, 14, 15, 19, 22, 100, Short.MAX_VALUE, Short.MIN_VALUE}) {
            assertFalse(EventType.isKnown(t), "type " + t);
            assertEquals(-1, EventType.baseLength(t));
            assertTrue(EventType.name(t).startsWith("Unknown"));
        }
    }

    @Test
    void slotCopyCarriesTheEventAndClearsTheNotes() {
        EventSlot a = dirtySlot();
        new TradeEvent().wrapForEncode(a.event(), 0, 9, EventSource.FEED).yesPrice(1_234).tradeId("x");
        stamp(a, 99, 100);
        EventSlot b = dirtySlot();
        b.copyFrom(a.event(), 0, a.length());
        assertWellFormed(b.event(), 0, EventType.TRADE, TradeEvent.LENGTH);
        assertEquals(99, b.sequence());
        assertEquals(100, b.timestampNanos());
        TradeEvent r = new TradeEvent();
        r.wrap(b.event(), 0);
        assertEquals(1_234, r.yesPrice());
        for (int i = 0; i < EventSlot.NOTES_LENGTH; i++) {
            assertEquals(0, b.notes().getByte(i));
        }
    }
}
