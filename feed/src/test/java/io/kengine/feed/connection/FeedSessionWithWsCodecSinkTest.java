package io.kengine.feed.connection;

/** Every {@link FeedSessionTest} again with the stand-in decoder on protocol's WsCodec. */
class FeedSessionWithWsCodecSinkTest extends FeedSessionTest {
    @Override
    FrameSink sink(MarketRegistry markets) {
        return new WsCodecFrameSink(markets);
    }
}
