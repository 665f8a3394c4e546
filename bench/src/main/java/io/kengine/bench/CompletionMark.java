package io.kengine.bench;

import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the last business stage and tells the producer how far the chain has got. It adds no thread
 * (per-stage mapping would give a fifth stage its own) and publishes its count only at the end of a
 * batch, so its cost is one increment per event.
 */
final class CompletionMark implements Stage {
    private final Stage last;
    private final AtomicLong finished = new AtomicLong();
    private long seen;

    CompletionMark(Stage last) {
        this.last = last;
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        last.onEvent(slot, endOfBatch);
        seen++;
        if (endOfBatch) {
            finished.lazySet(seen);
        }
    }

    @Override
    public void onStart() {
        last.onStart();
    }

    @Override
    public void onShutdown() {
        last.onShutdown();
    }

    long finished() {
        return finished.get();
    }
}
