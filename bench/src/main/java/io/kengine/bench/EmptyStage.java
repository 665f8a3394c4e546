package io.kengine.bench;

import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;

/** A business stage that does nothing: what is left is the cost of the ring and its wiring. */
final class EmptyStage implements Stage {
    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
    }
}
