package io.kengine.feed.connection;

import io.kengine.feed.decode.ByteKeyMarketIds;
import io.kengine.feed.decode.DecodeCounters;
import io.kengine.feed.decode.DecodedFrame;
import io.kengine.feed.decode.FieldBytes;
import io.kengine.feed.decode.FrameDecoder;
import io.kengine.feed.decode.FrameKind;
import io.kengine.feed.decode.RingEventWriter;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.DirectBuffer;

/**
 * The production {@link FrameSink}: {@code io.kengine.feed.decode}'s zero-allocation {@link FrameDecoder}
 * and {@link RingEventWriter}, with the session's seq check between the two. Market ids come from the
 * feed's {@link MarketRegistry} (copied once into the decoder's byte-keyed table).
 */
public final class DecoderFrameSink implements FrameSink {
    private final FrameDecoder decoder;
    private final RingEventWriter writer;
    private final ByteKeyMarketIds ids;
    private final DecodedFrame frame = new DecodedFrame();
    private int marketId = MarketRegistry.UNKNOWN;

    public DecoderFrameSink(MarketRegistry markets, DecodeCounters counters) {
        this.decoder = new FrameDecoder(counters);
        this.writer = new RingEventWriter(counters);
        this.ids = new ByteKeyMarketIds(Math.max(16, markets.size()));
        for (int m = 0; m < markets.size(); m++) {
            ids.register(markets.ticker(m), m);
        }
    }

    @Override
    public int decode(DirectBuffer buffer, int offset, int length) {
        FrameKind kind = decoder.decode(buffer, offset, length, frame);
        marketId = MarketRegistry.UNKNOWN;
        switch (kind) {
            case ORDERBOOK_SNAPSHOT:
                resolve();
                return FrameCategory.SNAPSHOT;
            case ORDERBOOK_DELTA:
                resolve();
                return FrameCategory.DELTA;
            case TICKER:
            case TRADE:
            case FILL:
            case USER_ORDER:
                resolve();
                return FrameCategory.DATA;
            case MARKET_LIFECYCLE:
                resolve();
                return FrameCategory.LIFECYCLE;
            case CONTROL:
                return FrameCategory.CONTROL;
            case MALFORMED:
                return FrameCategory.MALFORMED;
            default:
                return FrameCategory.UNKNOWN; // positions, event_lifecycle, RFQs ...: not used
        }
    }

    private void resolve() {
        FieldBytes t = frame.marketTicker();
        int id = ids.marketId(t.array(), 0, t.length());
        marketId = id < 0 ? MarketRegistry.UNKNOWN : id;
    }

    @Override
    public long sid() {
        return frame.sid();
    }

    @Override
    public long seq() {
        return frame.seq();
    }

    @Override
    public int marketId() {
        return marketId;
    }

    @Override
    public int publish(EventPublisher publisher, int source) {
        return writer.publish(frame, ids, publisher, source);
    }
}
