package io.kengine.protocol.stage;

import org.agrona.MutableDirectBuffer;

/**
 * Publishes events into a ring (or a recorder in tests and replay) without allocating:
 * {@link #claim()} a buffer, encode one event at offset 0 with a flyweight, then {@link #publish()}.
 * An instance belongs to one producer thread. What the publisher stamps is its own contract:
 * the inbound ring stamps sequence and receive timestamp; the outbound ring stamps only the sequence.
 */
public interface EventPublisher {
    MutableDirectBuffer claim();

    /** @return the sequence the event was published at */
    long publish();
}
