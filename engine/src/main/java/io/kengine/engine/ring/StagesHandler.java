package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.engine.ops.LatencyRecorder;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Adapts one or more business stages to a Disruptor consumer. {@code per-stage} mapping gives each
 * stage its own handler (and thread); {@code fused} runs all four in one handler in ring order.
 * Either way each stage sees every event in sequence, after the stage before it.
 */
public final class StagesHandler implements EventHandler<EventSlot> {
    /** Stage timings are taken on one event in this many (a clock read costs about 20 ns here). */
    public static final int SAMPLE_EVERY = 64;

    private final Stage[] stages;
    private final StageErrors errors;
    private final LatencyRecorder[] stageLatency; // per stage, null when not recorded
    private final LatencyRecorder tickToIntent;   // non-null only on the handler that runs the orders stage
    private final RingCounters.Counter outboundPublished;
    private final EpochNanoClock clock;
    private long published;

    public StagesHandler(StageErrors errors, Stage... stages) {
        this(errors, null, null, null, null, stages);
    }

    /**
     * @param stageLatency  per stage (same order), the recorder of its time: the first stage's from the
     *                      event's receive timestamp, the others from the previous stage's end; null entries skip
     * @param tickToIntent  when this handler runs the orders stage: receive timestamp → outbound publish
     */
    public StagesHandler(StageErrors errors, LatencyRecorder[] stageLatency, LatencyRecorder tickToIntent,
                         RingCounters.Counter outboundPublished, EpochNanoClock clock, Stage... stages) {
        this.stages = stages.clone();
        this.errors = errors;
        this.stageLatency = stageLatency == null ? new LatencyRecorder[stages.length] : stageLatency.clone();
        this.tickToIntent = tickToIntent;
        this.outboundPublished = outboundPublished;
        this.clock = clock;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        boolean sample = clock != null && (sequence & (SAMPLE_EVERY - 1)) == 0;
        long mark = sample ? slot.timestampNanos() : 0;
        for (int i = 0; i < stages.length; i++) {
            Stage stage = stages[i];
            try {
                stage.onEvent(slot, endOfBatch);
            } catch (RuntimeException e) {
                // One bad event must not stop the engine: count it, log a sample, go on with the next stage.
                errors.record(stage, slot, e);
            }
            if (sample && stageLatency[i] != null) {
                long now = clock.nanoTime();
                stageLatency[i].record(now - mark);
                mark = now;
            }
        }
        if (tickToIntent != null) {
            long n = outboundPublished.get();
            if (n != published) { // this event made the orders stage publish: one clock read per intent
                published = n;
                tickToIntent.record(clock.nanoTime() - slot.timestampNanos());
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
