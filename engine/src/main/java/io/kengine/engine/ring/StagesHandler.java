package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;

/**
 * Adapts one or more business stages to a Disruptor consumer. {@code per-stage} mapping gives each
 * stage its own handler (and thread); {@code fused} runs all four in one handler in ring order.
 * Either way each stage sees every event in sequence, after the stage before it.
 */
public final class StagesHandler implements EventHandler<EventSlot> {
    private final Stage[] stages;
    private final StageErrors errors;

    public StagesHandler(StageErrors errors, Stage... stages) {
        this.stages = stages.clone();
        this.errors = errors;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        for (Stage stage : stages) {
            try {
                stage.onEvent(slot, endOfBatch);
            } catch (RuntimeException e) {
                // One bad event must not stop the engine: count it, log a sample, go on with the next stage.
                errors.record(stage, slot, e);
            }
        }
    }

    @Override
    public void onStart() {
        for (Stage stage : stages) {
            stage.onStart();
        }
    }

    @Override
    public void onShutdown() {
        for (Stage stage : stages) {
            stage.onShutdown();
        }
    }
}
