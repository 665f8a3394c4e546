package io.kengine.protocol.stage;

/**
 * A business stage: a plain single-threaded object that sees every inbound event in ring order.
 * engine/ adapts stages to the Disruptor; tests drive them directly. A stage reads time only from
 * the event's timestamp and keeps its state private (one writer).
 */
public interface Stage {
    /**
     * @param slot       the event and the notes of the stages before this one
     * @param endOfBatch true when no further event is immediately available (a good time to flush)
     */
    void onEvent(EventSlot slot, boolean endOfBatch);

    /** Called once on the stage's thread before the first event. */
    default void onStart() {
    }

    /** Called once on the stage's thread after the last event. */
    default void onShutdown() {
    }
}
