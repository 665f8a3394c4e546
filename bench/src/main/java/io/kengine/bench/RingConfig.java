package io.kengine.bench;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import io.kengine.engine.ring.StageMapping;

/**
 * One row of the ring-hop benchmark, named {@code pipeline:wait}: pipeline is {@code floor} (raw
 * Disruptor, single-producer sequencer), {@code floor-multi} (the same with the multi-producer
 * sequencer the engine's inbound ring uses) or {@code fused|per-stage} + {@code -empty|-real};
 * wait is an engine wait-strategy name.
 * The wait strategy is part of the name because not every pairing is sane on a small host (the
 * floor's two threads may spin; five consumer threads on two cores must not).
 */
final class RingConfig {
    /** The engine's default ring sizes (config/engine.yaml). */
    static final int INBOUND_SIZE = 16384;
    static final int OUTBOUND_SIZE = 4096;

    private RingConfig() {
    }

    static RingUnderTest open(String config) {
        int colon = config.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("ring config '" + config + "' is not pipeline:wait");
        }
        String pipeline = config.substring(0, colon);
        String wait = config.substring(colon + 1);
        if (pipeline.equals("floor")) {
            return floor(ProducerType.SINGLE, wait);
        }
        if (pipeline.equals("floor-multi")) {
            return floor(ProducerType.MULTI, wait);
        }
        boolean real = pipeline.endsWith("-real");
        if (!real && !pipeline.endsWith("-empty")) {
            throw new IllegalArgumentException("unknown pipeline '" + pipeline + "' (floor | floor-multi | fused-empty | fused-real"
                + " | per-stage-empty | per-stage-real)");
        }
        StageMapping mapping = StageMapping.parse(pipeline.substring(0, pipeline.lastIndexOf('-')));
        return new EngineRing(mapping, wait, real, INBOUND_SIZE, OUTBOUND_SIZE);
    }

    private static RingUnderTest floor(ProducerType producers, String wait) {
        switch (wait) {
            case "busy-spin":
                return new RawDisruptorRing(INBOUND_SIZE, producers, wait, new BusySpinWaitStrategy());
            case "yielding":
                return new RawDisruptorRing(INBOUND_SIZE, producers, wait, new YieldingWaitStrategy());
            default:
                // anything else would not be a floor
                throw new IllegalArgumentException("the floor runs busy-spin or yielding, not '" + wait + "'");
        }
    }
}
