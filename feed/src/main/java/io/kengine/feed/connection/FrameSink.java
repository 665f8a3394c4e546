package io.kengine.feed.connection;

import io.kengine.protocol.stage.EventPublisher;
import org.agrona.DirectBuffer;

/**
 * The decoder as the connection sees it: decode a frame (nothing published yet), let the session check
 * {@code seq}, then publish the same frame or drop it. Splitting the two is what makes "no delta after a
 * gap reaches the ring" enforceable. One instance per feed, used under the feed's lock only; the values
 * read after {@link #decode} describe the last decoded frame until the next call.
 */
public interface FrameSink {
    /** Decodes one text frame; returns a {@link FrameCategory}. Never throws on bad input (MALFORMED instead). */
    int decode(DirectBuffer buffer, int offset, int length);

    /** The frame's {@code sid}, or {@code Long.MIN_VALUE} when it has none. */
    long sid();

    /** The frame's {@code seq}, or {@code Long.MIN_VALUE} when it has none. */
    long seq();

    /** The engine market id of the frame's ticker, {@link MarketRegistry#UNKNOWN} if not ours or none. */
    int marketId();

    /** Publishes the last decoded data frame as ring events; returns how many were published. */
    int publish(EventPublisher publisher, int source);
}
