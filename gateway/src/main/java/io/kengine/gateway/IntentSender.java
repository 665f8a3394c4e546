package io.kengine.gateway;

import org.agrona.DirectBuffer;

/**
 * Sends journaled order intents to an exchange. Runs on the sender thread (the last outbound
 * consumer). Replies must come back as inbound events published from a thread that the business
 * stages never wait on, never from inside {@link #send}: the business thread may be waiting for
 * outbound space, and a sender blocked on the inbound ring would close the cycle.
 */
public interface IntentSender extends AutoCloseable {
    void send(DirectBuffer intent, int offset, int length, boolean endOfBatch);

    /** The ring batch ended on an event that was not an intent: flush anything held for batching. */
    default void endOfBatch() {
    }

    @Override
    default void close() {
    }
}
