package io.kengine.feed.connection;

/** Every {@link KalshiFeedSimTest} again on the OkHttp transport (the fallback). */
class KalshiFeedSimOkHttpTest extends KalshiFeedSimTest {
    @Override
    FeedTransport transport() {
        return FeedTransport.OKHTTP;
    }
}
