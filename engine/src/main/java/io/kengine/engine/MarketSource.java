package io.kengine.engine;

import java.util.concurrent.TimeUnit;

/** Where the running engine's market data comes from: started after the session is announced, stopped before the rings drain. */
public interface MarketSource extends AutoCloseable {
    void start();

    /** Stops publishing; returns once no more events will come from this source. */
    void stop();

    /** True when the source ended by itself (e.g. the scripted feed reached its event limit). */
    boolean isFinished();

    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException;

    /** Lets the source act on the book stage's requests for fresh snapshots (sources without a resync ignore them). */
    default void watchResyncRequests(ResyncSignal signal) {
    }

    /** Where the source reports each frame's arrival → on-the-ring time; sources without frames ignore it. Called before {@link #start}. */
    default void decodeLatency(java.util.function.LongConsumer nanos) {
    }

    /** The Kalshi WebSocket feed behind this source (status, metrics, market ids), or null when it has none. */
    default io.kengine.feed.connection.KalshiFeed feed() {
        return null;
    }

    /** One line for the start-up banner. */
    String describe();

    @Override
    default void close() {
        stop();
    }
}
