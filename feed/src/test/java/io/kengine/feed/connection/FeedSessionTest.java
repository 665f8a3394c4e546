package io.kengine.feed.connection;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.Trade;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsError;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session's sequence discipline, resync and subscriptions, with hand-written frames: no sockets. */
class FeedSessionTest {
    private static final long MS = 1_000_000L;
    private static final int A = 0;
    private static final int B = 1;

    private final List<String> sent = new ArrayList<>();
    private FeedCounters counters;
    private BookMirror ring;
    private FeedSession session;
    private long now = 1_000 * MS;

    @BeforeEach
    void setUp() {
        FeedConfig config = FeedConfig.builder().restBaseUrl("http://x/trade-api/v2").wsUrl("ws://x/trade-api/ws/v2")
                .keyId("k").privateKey(TestKeys.PAIR.getPrivate()).tickers(List.of("MKT-A", "MKT-B"))
                .resyncTimeout(Duration.ofMillis(100)).maxResyncAttempts(2).build();
        counters = new FeedCounters();
        MarketRegistry markets = new MarketRegistry(16);
        markets.add("MKT-A");
        markets.add("MKT-B");
        ring = new BookMirror();
        for (int m = 0; m < 2; m++) {
            new MarketDefinitionEvent().wrapForEncode(ring.claim(), 0, m, EventSource.FEED)
                    .ticker(markets.ticker(m)).addPriceRange(0, 10_000, 100);
            ring.publish();
        }
        session = new FeedSession(config, markets, sink(markets), ring, counters);
    }

    /** The production decoder; {@link FeedSessionWithWsCodecSinkTest} runs every test on the reference reader too. */
    FrameSink sink(MarketRegistry markets) {
        return new DecoderFrameSink(markets, new io.kengine.feed.decode.DecodeCounters());
    }

    // ---------------------------------------------------------------- helpers

    private void frame(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        session.onFrame(new UnsafeBuffer(b), 0, b.length, now);
    }

    private void subscribedAck(long sid) {
        frame(WsCodec.toJson(new Subscribed(1, "orderbook_delta", sid)));
    }

    private void snapshot(long sid, long seq, String ticker, long yesPrice, long yesQty) {
        frame(WsCodec.toJson(new OrderbookSnapshot(sid, seq, ticker, null,
                List.of(new PriceLevel(yesPrice, yesQty)), List.of(new PriceLevel(4_000, 500)))));
    }

    private void delta(long sid, long seq, String ticker, long price, long qty) {
        frame(WsCodec.toJson(new OrderbookDelta(sid, seq, ticker, null, price, qty, OutcomeSide.YES, null, null, Wire.ABSENT)));
    }

    private int deltas() {
        return ring.count(EventType.BOOK_DELTA);
    }

    private long markers(int market) {
        return ring.events().stream().filter(p -> p.marketId() == market && p.isMarker()).count();
    }

    private String lastCommand() {
        return sent.get(sent.size() - 1);
    }

    /** Connected, acked (sid 1), both snapshots in: both books live and trusted. */
    private void live() {
        session.connected(sent::add, now);
        subscribedAck(1);
        snapshot(1, 1, "MKT-A", 5_000, 1_000);
        snapshot(1, 2, "MKT-B", 3_000, 200);
        assertTrue(ring.trusted(A) && ring.trusted(B));
        sent.clear();
    }

    private void assertClean() {
        assertEquals(List.of(), ring.violations());
        assertEquals(0, ring.rejected(), "the book stage refused an event the feed published");
    }

    // ---------------------------------------------------------------- tests

    @Test
    void lifecycleFramesArePublishedAndNeverTouchTheOrderbookSeq() {
        live();
        delta(1, 3, "MKT-A", 5_000, 100);
        frame("{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"msg\":{\"market_ticker\":\"MKT-A\",\"event_type\":\"deactivated\","
                + "\"is_deactivated\":true}}");
        // a seq sent anyway, even one on the orderbook's sid that would be a gap, a repeat or a regression there
        frame("{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"seq\":1,\"msg\":{\"market_ticker\":\"MKT-B\","
                + "\"event_type\":\"determined\",\"result\":\"no\",\"determination_ts\":1700000000,\"settlement_value\":\"0\"}}");
        frame("{\"type\":\"market_lifecycle_v2\",\"sid\":1,\"seq\":9,\"msg\":{\"market_ticker\":\"MKT-A\",\"event_type\":\"activated\"}}");
        frame("{\"type\":\"market_lifecycle_v2\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ticker\":\"MKT-B\",\"event_type\":\"settled\"}}");
        frame("{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"msg\":{\"market_ticker\":\"OTHER-MKT\",\"event_type\":\"created\","
                + "\"open_ts\":1700000000,\"close_ts\":1700003600}}");
        delta(1, 4, "MKT-A", 5_000, 100);
        assertEquals(0, counters.get(FeedCounter.SEQ_GAPS) + counters.get(FeedCounter.SEQ_REPEATS)
                + counters.get(FeedCounter.SEQ_REGRESSIONS));
        assertEquals(2, deltas(), "the delta after the lifecycle frames is in sequence");
        assertEquals(List.of(), sent, "no resync asked");
        assertEquals(4, counters.get(FeedCounter.LIFECYCLE_FRAMES));
        assertEquals(1, counters.get(FeedCounter.LIFECYCLE_OTHER_MARKETS), "other markets' events: counted, not published");
        assertEquals(List.of("0 deactivated result=0 value=- open=- close=- time=-",
                "1 determined result=2 value=0 open=- close=- time=1700000000000",
                "0 activated result=0 value=- open=- close=- time=-",
                "1 settled result=0 value=- open=- close=- time=-"), ring.lifecycles());
        assertTrue(ring.trusted(A) && ring.trusted(B));
        assertClean();
    }

    @Test
    void subscribesToEveryChannelAndLifecycleSeparately() {
        session.connected(sent::add, now);
        assertEquals(2, sent.size());
        assertEquals("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\",\"trade\","
                + "\"fill\",\"user_orders\"],\"market_tickers\":[\"MKT-A\",\"MKT-B\"]}}", sent.get(0));
        assertEquals("{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"market_lifecycle_v2\"]}}", sent.get(1));
    }

    @Test
    void inOrderDeltasArePublished() {
        live();
        delta(1, 3, "MKT-A", 5_000, 300);
        delta(1, 4, "MKT-B", 3_100, 100);
        assertEquals(2, deltas());
        assertEquals(2, counters.get(FeedCounter.DELTAS));
        assertEquals(0, counters.get(FeedCounter.SEQ_GAPS));
        assertTrue(ring.trusted(A) && ring.trusted(B));
        assertEquals(List.of(), sent);
        assertClean();
    }

    @Test
    void deltasBeforeTheFirstSnapshotAreDropped() {
        session.connected(sent::add, now);
        subscribedAck(1);
        delta(1, 1, "MKT-A", 5_000, 300);
        assertEquals(0, deltas());
        assertEquals(1, counters.get(FeedCounter.DELTAS_DROPPED_AWAITING_SNAPSHOT));
        snapshot(1, 2, "MKT-A", 5_000, 1_000);
        delta(1, 3, "MKT-A", 5_000, 300);
        assertEquals(1, deltas());
        assertClean();
    }

    @Test
    void gapMarksEveryBookOfTheSidAndAsksForSnapshots() {
        live();
        delta(1, 5, "MKT-B", 3_000, 100); // 3 and 4 lost
        assertEquals(1, counters.get(FeedCounter.SEQ_GAPS));
        assertEquals(0, deltas(), "the delta that revealed the gap must not be published");
        assertEquals(1, markers(A));
        assertEquals(1, markers(B));
        assertFalse(ring.trusted(A));
        assertFalse(ring.trusted(B));
        assertEquals("{\"id\":3,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],"
                + "\"market_tickers\":[\"MKT-A\",\"MKT-B\"],\"action\":\"get_snapshot\"}}", lastCommand());

        delta(1, 6, "MKT-A", 5_000, 100); // in order, but A has no fresh snapshot yet
        assertEquals(0, deltas());
        frame(WsCodec.toJson(new UpdateOk(3, 1, 6, List.of("MKT-A", "MKT-B"), null)));
        snapshot(1, 7, "MKT-A", 5_100, 700);
        assertTrue(ring.trusted(A));
        assertFalse(ring.trusted(B));
        delta(1, 8, "MKT-A", 5_100, 100);
        delta(1, 9, "MKT-B", 3_000, 100); // B still waits
        assertEquals(1, deltas());
        snapshot(1, 10, "MKT-B", 3_000, 50);
        delta(1, 11, "MKT-B", 3_000, 25);
        assertEquals(2, deltas());
        assertTrue(ring.trusted(A) && ring.trusted(B));
        assertEquals("yes=[5100:800] no=[4000:500]", ring.ladders(A));
        assertEquals("yes=[3000:75] no=[4000:500]", ring.ladders(B));
        assertEquals(3, counters.get(FeedCounter.DELTAS_DROPPED_AWAITING_SNAPSHOT), "the gap frame, A before its snapshot, B before its");
        assertClean();
    }

    @Test
    void repeatAndRegressionAreBreaksToo() {
        live();
        delta(1, 3, "MKT-A", 5_000, 100);
        delta(1, 3, "MKT-A", 5_000, 100); // the same frame twice
        assertEquals(1, counters.get(FeedCounter.SEQ_REPEATS));
        assertEquals(1, deltas(), "the repeat is not applied");
        assertFalse(ring.trusted(A));
        assertFalse(ring.trusted(B));
        assertTrue(lastCommand().contains("get_snapshot"));
        snapshot(1, 4, "MKT-A", 5_000, 1_000);
        snapshot(1, 5, "MKT-B", 3_000, 200);
        assertTrue(ring.trusted(A) && ring.trusted(B));

        delta(1, 2, "MKT-A", 5_000, 100); // older than what we have
        assertEquals(1, counters.get(FeedCounter.SEQ_REGRESSIONS));
        assertEquals(1, deltas());
        assertFalse(ring.trusted(A));
        // the stream continues from the newest seq, not from the regressed one
        delta(1, 6, "MKT-A", 5_000, 100);
        assertEquals(0, counters.get(FeedCounter.SEQ_GAPS));
        assertEquals(1, deltas());
        assertClean();
    }

    @Test
    void aSnapshotThatRevealsAGapIsKeptAndTheOthersAreResynced() {
        live();
        snapshot(1, 5, "MKT-A", 5_500, 10);
        assertEquals(1, counters.get(FeedCounter.SEQ_GAPS));
        assertTrue(ring.trusted(A), "a snapshot is the whole book: good whatever was lost before it");
        assertFalse(ring.trusted(B));
        assertEquals(0, markers(A));
        assertTrue(lastCommand().contains("\"market_tickers\":[\"MKT-B\"]"), lastCommand());
        assertClean();
    }

    @Test
    void framesOfOtherMarketsStillAdvanceTheSequence() {
        live();
        snapshot(1, 3, "NOT-OURS", 5_000, 1);
        delta(1, 4, "NOT-OURS", 5_000, 1);
        delta(1, 5, "MKT-A", 5_000, 100);
        assertEquals(0, counters.get(FeedCounter.SEQ_GAPS));
        assertEquals(2, counters.get(FeedCounter.FRAMES_UNKNOWN_MARKET));
        assertEquals(1, deltas());
        assertClean();
    }

    @Test
    void malformedAndUnknownFramesAreCountedAndDropped() {
        live();
        frame("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":3,\"msg\":{\"market_ticker\":\"MKT-A\",\"pri");
        frame("not json at all");
        frame("{\"type\":\"something_new\",\"sid\":9,\"msg\":{}}");
        assertEquals(2, counters.get(FeedCounter.MALFORMED_FRAMES));
        assertEquals(1, counters.get(FeedCounter.UNKNOWN_FRAMES));
        assertEquals(0, deltas());
        // the malformed frame's seq (3) is lost: the next delta shows the gap
        delta(1, 4, "MKT-A", 5_000, 100);
        assertEquals(1, counters.get(FeedCounter.SEQ_GAPS));
        assertEquals(0, deltas());
        assertClean();
    }

    @Test
    void terminalErrorsResubscribeWithFreshSids() {
        for (int code : new int[] {10, 17, 25}) {
            setUp();
            sent.clear();
            live();
            frame(WsCodec.toJson(new WsError(0, code, "boom", null, null)));
            assertEquals(1, counters.get(FeedCounter.TERMINAL_ERRORS), "code " + code);
            assertEquals(1, counters.get(FeedCounter.RESUBSCRIBES));
            assertFalse(ring.trusted(A));
            assertFalse(ring.trusted(B));
            assertEquals(3, sent.size(), sent.toString());
            assertEquals("{\"id\":3,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[1]}}", sent.get(0));
            assertTrue(sent.get(1).contains("\"cmd\":\"subscribe\""));
            // frames still in flight on the old sid are ignored
            delta(1, 3, "MKT-A", 5_000, 100);
            snapshot(1, 4, "MKT-A", 5_000, 100);
            assertEquals(2, counters.get(FeedCounter.FRAMES_RETIRED_SID));
            assertFalse(ring.trusted(A));
            subscribedAck(7);
            snapshot(7, 1, "MKT-A", 5_000, 900);
            snapshot(7, 2, "MKT-B", 3_000, 900);
            delta(7, 3, "MKT-A", 5_000, 100);
            assertTrue(ring.trusted(A) && ring.trusted(B));
            assertEquals(1, deltas());
            assertEquals("yes=[5000:1000] no=[4000:500]", ring.ladders(A));
            assertClean();
        }
    }

    @Test
    void aNonTerminalErrorIsOnlyCounted() {
        live();
        frame(WsCodec.toJson(new WsError(99, 6, "Already subscribed", null, null)));
        assertEquals(1, counters.get(FeedCounter.WS_ERRORS));
        assertEquals(0, counters.get(FeedCounter.RESUBSCRIBES));
        assertTrue(ring.trusted(A));
        assertEquals(List.of(), sent);
    }

    @Test
    void aRefusedSnapshotRequestResubscribes() {
        live();
        delta(1, 9, "MKT-A", 5_000, 100); // gap → get_snapshot id 3
        frame(WsCodec.toJson(new WsError(3, 7, "Unknown subscription ID", null, null)));
        assertEquals(1, counters.get(FeedCounter.RESUBSCRIBES));
        assertTrue(lastCommand().contains("\"cmd\":\"subscribe\""));
        assertClean();
    }

    @Test
    void unansweredSnapshotRequestsAreRepeatedThenTheConnectionIsDropped() {
        live();
        delta(1, 9, "MKT-A", 5_000, 100);
        assertEquals(1, counters.get(FeedCounter.SNAPSHOT_REQUESTS));
        now += 50 * MS;
        assertEquals(FeedSession.TICK_OK, session.onTick(now));
        assertEquals(1, counters.get(FeedCounter.SNAPSHOT_REQUESTS), "not yet due");
        now += 60 * MS;
        assertEquals(FeedSession.TICK_OK, session.onTick(now));
        assertEquals(2, counters.get(FeedCounter.SNAPSHOT_REQUESTS));
        snapshot(1, 10, "MKT-A", 5_000, 1); // A answers, B does not; an answer resets the count of rounds
        now += 110 * MS;
        assertEquals(FeedSession.TICK_OK, session.onTick(now));
        assertTrue(lastCommand().contains("\"market_tickers\":[\"MKT-B\"]"), lastCommand());
        now += 110 * MS;
        assertEquals(FeedSession.TICK_OK, session.onTick(now));
        now += 110 * MS;
        assertEquals(FeedSession.TICK_RECONNECT, session.onTick(now));
        assertClean();
    }

    @Test
    void noSubscriptionAckInTimeResubscribes() {
        session.connected(sent::add, now);
        sent.clear();
        now += 150 * MS;
        assertEquals(FeedSession.TICK_OK, session.onTick(now));
        assertEquals(1, counters.get(FeedCounter.RESUBSCRIBES));
        assertTrue(sent.stream().anyMatch(s -> s.contains("\"cmd\":\"subscribe\"")));
    }

    @Test
    void disconnectMarksLiveBooksAndReconnectRebuildsThem() {
        live();
        delta(1, 3, "MKT-A", 5_000, 100);
        session.disconnected(now);
        assertFalse(ring.trusted(A));
        assertFalse(ring.trusted(B));
        assertEquals(1, markers(A));
        session.disconnected(now); // twice: no second marker
        assertEquals(1, markers(A));
        session.connected(sent::add, now);
        assertEquals(1, markers(A), "already untrusted: connecting publishes nothing more");
        subscribedAck(1); // sids and seq start over on a new connection
        snapshot(1, 1, "MKT-A", 4_000, 10);
        snapshot(1, 2, "MKT-B", 3_000, 10);
        delta(1, 3, "MKT-A", 4_000, 5);
        assertEquals(0, counters.get(FeedCounter.SEQ_GAPS) + counters.get(FeedCounter.SEQ_REGRESSIONS));
        assertEquals("yes=[4000:15] no=[4000:500]", ring.ladders(A));
        assertTrue(ring.trusted(A) && ring.trusted(B));
        assertClean();
    }

    @Test
    void restSnapshotsOnlyWhileDisconnectedAndUntrustedAgainOnConnect() {
        live();
        assertFalse(session.publishRestSnapshot(A, List.of(new PriceLevel(5_000, 1)), List.of()));
        assertEquals(1, counters.get(FeedCounter.REST_SNAPSHOTS_DISCARDED));
        session.disconnected(now);
        assertTrue(session.publishRestSnapshot(A, List.of(new PriceLevel(5_200, 300)), List.of(new PriceLevel(4_500, 7))));
        assertTrue(ring.trusted(A));
        assertEquals("yes=[5200:300] no=[4500:7]", ring.ladders(A));
        BookMirror.Published last = ring.events().get(ring.events().size() - 1);
        assertEquals(EventSource.REST_POLLER, last.source());
        assertTrue(session.isRestSourced(A));
        session.connected(sent::add, now);
        assertFalse(ring.trusted(A), "the socket owes a snapshot; the REST book is not updated by it");
        subscribedAck(1);
        delta(1, 1, "MKT-A", 5_200, 1);
        assertEquals(0, deltas());
        snapshot(1, 2, "MKT-A", 5_300, 1);
        assertTrue(ring.trusted(A));
        assertFalse(session.isRestSourced(A));
        assertClean();
    }

    @Test
    void tradesAndTickersOfOurMarketsArePublished() {
        live();
        frame(WsCodec.toJson(new Trade(2, "t-1", "MKT-A", 5_000, 100, OutcomeSide.YES, false, 1_700_000_000_000L)));
        frame(WsCodec.toJson(new Trade(2, "t-2", "NOT-OURS", 5_000, 100, OutcomeSide.YES, false, 1_700_000_000_000L)));
        assertEquals(1, ring.count(EventType.TRADE));
        assertEquals(1, counters.get(FeedCounter.FRAMES_UNKNOWN_MARKET));
    }
}
