package io.kengine.bench;

import io.kengine.feed.decode.ByteKeyMarketIds;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.EventPublisher;

import java.nio.charset.StandardCharsets;

/**
 * The market the tick-to-intent harnesses trade: {@code markets} cent-grid markets, each with a
 * 20-level book a side (YES bids 0.40 down, NO bids 0.50 down, so asks from 0.50 up, mid 0.45),
 * and a cycle of Kalshi {@code orderbook_delta} frames in Kalshi's usual byte layout. Frame 2k adds
 * 10 contracts at a new best YES bid of 0.42 in market k % markets; frame 2k+1 takes them away. So
 * every frame moves the mid by one cent and the M0 quote with it: every frame should produce an
 * amend once the previous order in that market is acknowledged. Markets are visited round-robin, so
 * an acknowledgement has {@code markets − 1} frames of time to come back before the market trades again.
 */
final class TickFrames {
    static final long BEST_BID = 4_000;
    static final long BEST_NO_BID = 5_000; // YES ask 0.50
    static final long INSIDE_BID = 4_200;
    static final long LEVELS = 20;
    static final long CLOSE_MS = 1_798_761_600_000L; // 2027-01-01

    final int markets;
    final String[] tickers;
    final byte[][] frames;   // the cycle: 2 frames per market
    final int[] frameMarket;
    final long[] frameDelta; // 0.01 contracts, signed

    TickFrames(int markets) {
        this.markets = markets;
        this.tickers = new String[markets];
        for (int m = 0; m < markets; m++) {
            tickers[m] = "KXBENCH-26DEC31-M" + m;
        }
        this.frames = new byte[2 * markets][];
        this.frameMarket = new int[2 * markets];
        this.frameDelta = new long[2 * markets];
        for (int i = 0; i < 2 * markets; i++) {
            int m = i % markets;
            boolean add = (i / markets) % 2 == 0;
            frameMarket[i] = m;
            frameDelta[i] = add ? 1_000 : -1_000;
            frames[i] = frame(tickers[m], m, i, add);
        }
    }

    int cycle() {
        return frames.length;
    }

    /** Resolver for the decoder: ticker bytes → market id (the index). */
    ByteKeyMarketIds marketIds() {
        ByteKeyMarketIds ids = new ByteKeyMarketIds(markets);
        for (int m = 0; m < markets; m++) {
            ids.register(tickers[m], m);
        }
        return ids;
    }

    /** Definitions and full snapshots for every market, published through {@code out}. */
    void publishMarkets(EventPublisher out) {
        MarketDefinitionEvent def = new MarketDefinitionEvent();
        BookSnapshotEvent snap = new BookSnapshotEvent();
        for (int m = 0; m < markets; m++) {
            def.wrapForEncode(out.claim(), 0, m, EventSource.FEED).status(Codes.STATUS_OPEN).ticker(tickers[m])
                .eventTicker("KXBENCH-26DEC31").seriesTicker("KXBENCH").closeTimeMs(CLOSE_MS).addPriceRange(0, 10_000, 100);
            out.publish();
        }
        for (int m = 0; m < markets; m++) {
            snap.wrapForEncode(out.claim(), 0, m, EventSource.FEED)
                .flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
            for (int l = 0; l < LEVELS; l++) {
                snap.addYesLevel(BEST_BID - 100 * l, 5_000 + 100 * l);
            }
            for (int l = 0; l < LEVELS; l++) {
                snap.addNoLevel(BEST_NO_BID - 100 * l, 5_000 + 100 * l);
            }
            out.publish();
        }
    }

    private static byte[] frame(String ticker, int market, int i, boolean add) {
        long tsMs = 1_795_244_180_569L + i;
        String json = "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":" + (1_000 + i)
            + ",\"msg\":{\"market_ticker\":\"" + ticker + "\",\"market_id\":\"" + uuid(market)
            + "\",\"price_dollars\":\"0.4200\",\"delta_fp\":\"" + (add ? "10.00" : "-10.00")
            + "\",\"side\":\"yes\",\"ts\":\"" + java.time.Instant.ofEpochMilli(tsMs) + "\",\"ts_ms\":" + tsMs + "}}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    private static String uuid(int m) {
        return String.format("9b0f6c2e-4a51-4f7a-9d0e-%012x", m);
    }
}
