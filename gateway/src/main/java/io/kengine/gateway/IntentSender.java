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

    /**
     * The engine decided not to send this intent (its journal-out write failed). A sender that
     * reports outcomes publishes, for each leg, a rejection carrying {@code reason}, the same way and from the
     * same kind of thread as an exchange's refusal, so the orders stage does not wait for a reply that cannot
     * come. Senders without replies ignore it.
     */
    default void refuse(DirectBuffer intent, int offset, int length, String reason) {
    }

    /** The ring batch ended on an event that was not an intent: flush anything held for batching. */
    default void endOfBatch() {
    }

    @Override
    default void close() {
    }
}
