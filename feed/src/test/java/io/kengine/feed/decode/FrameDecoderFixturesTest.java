package io.kengine.feed.decode;

import static io.kengine.feed.decode.DecodedFrame.ABSENT;
import static io.kengine.feed.decode.TestFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.wire.ws.WsMessage;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented message shape (current and legacy, AsyncAPI examples and kalshi-api.md verbatim)
 * decodes, and decodes to exactly what the reference reader reads; plus explicit unit checks.
 */
class FrameDecoderFixturesTest {
    private final FrameDecoder decoder = new FrameDecoder();

    static Stream<String> hot() {
        return Fixtures.hot().stream();
    }

    static Stream<String> control() {
        return Fixtures.control().stream();
    }

    static Stream<String> unknown() {
        return Fixtures.unknown().stream();
    }

    static Stream<String> lifecycle() {
        return Fixtures.lifecycle().stream();
    }

    /** Decodes and cross-checks against WsCodec; returns the frame for explicit checks. */
    private DecodedFrame check(String json) {
        DecodedFrame f = TestFrames.decode(decoder, json);
        byte[] b = bytes(json);
        WsMessage ref = TestFrames.reference(b, 0, b.length);
        assertNotNull(ref, "reference reader refuses the fixture: " + json);
        assertNull(Oracle.mismatch(ref, f), json);
        return f;
    }

    @ParameterizedTest
    @MethodSource("hot")
    void hotFramesMatchTheReference(String json) {
        DecodedFrame f = check(json);
        assertTrue(f.kind().ordinal() <= FrameKind.USER_ORDER.ordinal(), f.toString());
    }

    @ParameterizedTest
    @MethodSource("lifecycle")
    void lifecycleFramesMatchTheReference(String json) {
        DecodedFrame f = check(json);
        assertEquals(FrameKind.MARKET_LIFECYCLE, f.kind());
        assertEquals(-1, f.seq(), "the channel has no seq; one sent anyway is not read");
    }

    @ParameterizedTest
    @MethodSource("control")
    void controlRepliesMatchTheReference(String json) {
        assertEquals(FrameKind.CONTROL, check(json).kind());
    }

    @ParameterizedTest
    @MethodSource("unknown")
    void unhandledTypesAreUnknownWithTheirSidAndSeq(String json) {
        DecodedFrame f = check(json);
        assertEquals(FrameKind.UNKNOWN, f.kind());
        assertTrue(f.type().length() > 0);
    }

    @Test
    void snapshotInUnits() {
        DecodedFrame f = check(Fixtures.SNAPSHOT);
        assertEquals(2, f.sid());
        assertEquals(2, f.seq());
        assertTrue(f.marketTicker().contentEquals("FED-23DEC-T3.00"));
        assertTrue(f.marketId().contentEquals(Fixtures.UUID));
        assertEquals(2, f.yesCount());
        assertEquals(800, f.yesPrice(0));
        assertEquals(30_000, f.yesQuantity(0));
        assertEquals(2_200, f.yesPrice(1));
        assertEquals(33_300, f.yesQuantity(1));
        assertEquals(2, f.noCount());
        assertEquals(5_400, f.noPrice(0));
        assertEquals(2_000, f.noQuantity(0));
        assertEquals(5_600, f.noPrice(1));
        assertEquals(14_600, f.noQuantity(1));
    }

    @Test
    void legacySnapshotShapesGiveTheSameBook() {
        DecodedFrame cents = check(Fixtures.LEGACY_SNAPSHOT_CENTS);
        DecodedFrame current = check(Fixtures.SNAPSHOT);
        assertEquals(Oracle.levels(current, true), Oracle.levels(cents, true));
        assertEquals(Oracle.levels(current, false), Oracle.levels(cents, false));
        DecodedFrame dollars = check(Fixtures.LEGACY_SNAPSHOT_DOLLARS);
        assertEquals(800, dollars.yesPrice(0));
        assertEquals(30_000, dollars.yesQuantity(0));
        assertEquals(0, dollars.noCount(), "an omitted side is empty");
        DecodedFrame both = check(Fixtures.TRANSITION_SNAPSHOT);
        assertEquals(30_050, both.yesQuantity(0), "the fixed-point field wins over the legacy ones");
        assertEquals(0, check(Fixtures.EMPTY_SNAPSHOT).yesCount() + check(Fixtures.EMPTY_SNAPSHOT).noCount());
    }

    @Test
    void deltaCurrentLegacyAndNumeric() {
        DecodedFrame d = check(Fixtures.DELTA);
        assertEquals(FrameKind.ORDERBOOK_DELTA, d.kind());
        assertEquals(3, d.seq());
        assertEquals(9_600, d.price());
        assertEquals(-5_400, d.delta());
        assertEquals(Codes.BOOK_YES, d.bookSide());
        assertFalse(d.ownOrder());
        assertEquals(1_669_149_841_000L, d.tsMs());

        DecodedFrame doc = check(Fixtures.DOC_DELTA);
        assertTrue(doc.ownOrder(), "client_order_id present: our own order moved the level");
        assertEquals("9b0f…", doc.marketId().toString());

        DecodedFrame legacy = check(Fixtures.LEGACY_DELTA);
        assertEquals(9_600, legacy.price());
        assertEquals(-5_400, legacy.delta());
        assertEquals(Codes.BOOK_NO, legacy.bookSide());
        assertTrue(legacy.ownOrder());
        assertEquals(ABSENT, legacy.tsMs());

        DecodedFrame numeric = check(Fixtures.NUMERIC_DELTA);
        assertEquals(9_600, numeric.price());
        assertEquals(-5_450, numeric.delta());

        DecodedFrame rfc = check(Fixtures.TS_RFC3339_ONLY);
        assertEquals(1, rfc.price());
        assertEquals(1, rfc.delta());
        assertEquals(java.time.OffsetDateTime.parse("2026-03-09T14:30:00.1234+05:30").toInstant().toEpochMilli(), rfc.tsMs());

        DecodedFrame nulls = check(Fixtures.NULLS);
        assertEquals(-1, nulls.seq());
        assertFalse(nulls.marketId().isPresent());
        assertFalse(nulls.ownOrder());
    }

    @Test
    void tickerCurrentAndLegacy() {
        DecodedFrame t = check(Fixtures.TICKER);
        assertEquals(4_800, t.lastPrice());
        assertEquals(4_500, t.yesBid());
        assertEquals(5_300, t.yesAsk());
        assertEquals(30_000, t.yesBidSize());
        assertEquals(15_000, t.yesAskSize());
        assertEquals(2_500, t.lastTradeSize());
        assertEquals(3_389_600, t.volume());
        assertEquals(2_042_200, t.openInterest());
        assertEquals(16_948, t.dollarVolume());
        assertEquals(1_669_149_841_000L, t.tsMs());
        DecodedFrame legacy = check(Fixtures.LEGACY_TICKER);
        assertEquals(4_800, legacy.lastPrice());
        assertEquals(3_389_600, legacy.volume());
        assertEquals(ABSENT, legacy.yesBidSize());
        assertEquals(1_669_149_841_000L, legacy.tsMs(), "ts in seconds");
        DecodedFrame bounds = check(Fixtures.TICKER_TIME_ONLY);
        assertEquals(0, bounds.yesBid(), "an empty side is quoted at 0 / 1 on the ticker");
        assertEquals(10_000, bounds.yesAsk());
    }

    @Test
    void tradeCurrentLegacyAndVariants() {
        DecodedFrame t = check(Fixtures.TRADE);
        assertTrue(t.tradeId().contentEquals("d91bc706-ee49-470d-82d8-11418bda6fed"));
        assertEquals(3_600, t.price());
        assertEquals(13_600, t.count());
        assertEquals(Codes.TAKER_NO, t.takerSide());
        DecodedFrame legacy = check(Fixtures.LEGACY_TRADE);
        assertEquals(3_600, legacy.price());
        assertEquals(13_600, legacy.count());
        DecodedFrame cents = check(Fixtures.STRING_CENTS_TRADE);
        assertEquals(3_600, cents.price());
        assertEquals(100, cents.count());
        assertEquals(Codes.TAKER_NO, cents.takerSide(), "taker_book_side ask is the NO taker");
        DecodedFrame noOnly = check(Fixtures.NO_PRICE_ONLY_TRADE);
        assertEquals(3_600, noOnly.price(), "YES price = $1 - NO price");
    }

    @Test
    void fillDirectionsOnTheYesLeg() {
        DecodedFrame f = check(Fixtures.FILL);
        assertEquals(Codes.BID, f.orderSide(), "buy yes");
        assertEquals(7_500, f.price());
        assertEquals(27_800, f.count());
        assertEquals(50_000, f.postPosition());
        assertTrue(f.isTaker());
        assertEquals(ABSENT, f.fee());
        DecodedFrame legacy = check(Fixtures.LEGACY_FILL);
        assertEquals(Codes.ASK, legacy.orderSide(), "sell yes positions for NO: an ask on the YES leg");
        assertEquals(-50_000, legacy.postPosition());
        DecodedFrame outcome = check(Fixtures.FILL_OUTCOME);
        assertEquals(Codes.ASK, outcome.orderSide(), "outcome_side wins over book_side and side/action");
        assertEquals(131, outcome.fee());
        assertEquals(7_512, outcome.price());
        assertTrue(outcome.clientOrderId().contentEquals("my-order-1"));
    }

    @Test
    void userOrderFields() {
        DecodedFrame u = check(Fixtures.USER_ORDER);
        assertEquals(DecodedFrame.STATUS_RESTING, u.status());
        assertEquals(Codes.BID, u.orderSide());
        assertEquals(3_500, u.price());
        assertEquals(1_000, u.remaining());
        assertEquals(0, u.filled());
        assertTrue(u.marketTicker().contentEquals("FED-23DEC-T3.00"));
        assertTrue(u.clientOrderId().contentEquals("my-order-1"));
        assertEquals(1_733_047_200_000L, u.tsMs(), "created time when never updated");
        DecodedFrame legacy = check(Fixtures.LEGACY_USER_ORDER);
        assertEquals(DecodedFrame.STATUS_EXECUTED, legacy.status());
        assertEquals(Codes.ASK, legacy.orderSide());
        assertEquals(1_733_047_200_000L, legacy.createdTsMs(), "from created_time");
    }

    @Test
    void lifecycleEveryTypeInUnits() {
        DecodedFrame c = check(Fixtures.LIFECYCLE);
        assertEquals(io.kengine.protocol.event.MarketLifecycleEvent.CREATED, c.lifecycleType());
        assertEquals("created", c.eventType().toString());
        assertEquals(13, c.sid());
        assertTrue(c.marketTicker().contentEquals("INXD-23SEP14-B4487"));
        assertEquals(1_694_635_200_000L, c.openTimeMs());
        assertEquals(1_694_721_600_000L, c.closeTimeMs());
        assertEquals(ABSENT, c.settlementValue());
        assertEquals(-1, c.deactivated());

        DecodedFrame p = check(Fixtures.LIFECYCLE_PRICE_LEVELS);
        assertEquals(DecodedFrame.LIFECYCLE_PRICE_LEVEL_STRUCTURE_UPDATED, p.lifecycleType());
        assertEquals(1, p.priceRangeCount());
        assertEquals(0, p.rangeStart(0));
        assertEquals(10_000, p.rangeEnd(0));
        assertEquals(10, p.rangeStep(0));
        assertEquals(DecodedFrame.LIFECYCLE_METADATA_UPDATED, check(Fixtures.LIFECYCLE_METADATA).lifecycleType());
        assertEquals(DecodedFrame.LIFECYCLE_METADATA_UPDATED, check(Fixtures.LIFECYCLE_SUBTITLE).lifecycleType());

        DecodedFrame off = check(Fixtures.LIFECYCLE_DEACTIVATED);
        assertEquals(io.kengine.protocol.event.MarketLifecycleEvent.DEACTIVATED, off.lifecycleType());
        assertEquals(1, off.deactivated());
        assertEquals(0, check(Fixtures.LIFECYCLE_ACTIVATED).deactivated());
        assertEquals(1_702_591_200_000L, check(Fixtures.LIFECYCLE_CLOSE_DATE).closeTimeMs());

        DecodedFrame d = check(Fixtures.LIFECYCLE_DETERMINED);
        assertEquals(io.kengine.protocol.event.MarketLifecycleEvent.RESULT_YES, d.result());
        assertEquals(10_000, d.settlementValue());
        assertEquals(1_702_594_800_000L, d.determinationTimeMs());
        assertEquals(1_702_598_400_000L, check(Fixtures.LIFECYCLE_SETTLED).settledTimeMs());

        DecodedFrame scalar = check(Fixtures.LIFECYCLE_SCALAR);
        assertEquals(io.kengine.protocol.event.MarketLifecycleEvent.RESULT_SCALAR, scalar.result());
        assertEquals(4_375, scalar.settlementValue(), "a number where the schema says string");

        DecodedFrame nulls = check(Fixtures.LIFECYCLE_NULLS);
        assertEquals(ABSENT, nulls.openTimeMs());
        assertEquals(io.kengine.protocol.event.MarketLifecycleEvent.RESULT_NONE, nulls.result(), "\"\" is no result");
        assertEquals(3, nulls.priceRangeCount());
        assertEquals(1_000, nulls.rangeStart(1));
        assertEquals(9_000, nulls.rangeEnd(1));
        assertEquals(100, nulls.rangeStep(1));

        DecodedFrame future = check(Fixtures.LIFECYCLE_FUTURE);
        assertEquals(DecodedFrame.LIFECYCLE_OTHER, future.lifecycleType());
        assertEquals("rulebook_amended", future.eventType().toString());
    }

    @Test
    void controlReplies() {
        DecodedFrame s = check(Fixtures.SUBSCRIBED);
        assertEquals(ControlType.SUBSCRIBED, s.controlType());
        assertTrue(s.channel().contentEquals("orderbook_delta"));
        assertEquals(1, s.sid());
        assertEquals(ControlType.LIST, check(Fixtures.LIST).controlType());
        DecodedFrame e = check(Fixtures.ERROR_MARKET);
        assertEquals(16, e.errorCode());
        assertEquals(127, e.id());
        assertTrue(e.marketTicker().contentEquals("INVALID-MARKET"));
        DecodedFrame ok = check(Fixtures.UPDATE_OK);
        assertEquals(222, ok.seq());
        assertEquals(456, ok.sid());
    }

    @Test
    void unknownTypeKeepsNameSidAndSeq() {
        DecodedFrame g = check(Fixtures.ORDER_GROUP);
        assertEquals("order_group_updates", g.type().toString());
        assertEquals(21, g.sid());
        assertEquals(7, g.seq());
    }

    @Test
    void directBuffersOnAndOffHeapAtAnOffset() {
        byte[] json = bytes(Fixtures.DELTA);
        byte[] padded = new byte[json.length + 20];
        System.arraycopy(json, 0, padded, 7, json.length);
        DecodedFrame f = new DecodedFrame();
        assertEquals(FrameKind.ORDERBOOK_DELTA, decoder.decode(new UnsafeBuffer(padded), 7, json.length, f));
        assertEquals(9_600, f.price());
        assertEquals(FrameKind.ORDERBOOK_DELTA, decoder.decode(new UnsafeBuffer(padded, 5, json.length + 10), 2, json.length, f));
        assertEquals(-5_400, f.delta());
        ByteBuffer direct = ByteBuffer.allocateDirect(padded.length);
        direct.put(padded).flip();
        assertEquals(FrameKind.ORDERBOOK_DELTA, decoder.decode(new UnsafeBuffer(direct), 7, json.length, f));
        assertEquals(1_669_149_841_000L, f.tsMs());
        assertEquals(FrameKind.MALFORMED, decoder.decode(new UnsafeBuffer(padded), 7, json.length - 1, f));
        assertEquals(MalformedReason.TRUNCATED, f.reason());
    }

    @Test
    void countersSeeEveryFrame() {
        FrameDecoder d = new FrameDecoder();
        for (String json : Fixtures.hot()) {
            TestFrames.decode(d, json);
        }
        assertEquals(Fixtures.hot().size(), d.counters().totalFrames());
        assertEquals(0, d.counters().totalDropped());
        assertEquals(5, d.counters().frames(FrameKind.TICKER) + d.counters().frames(FrameKind.USER_ORDER));
    }
}
